// The two vocabularies the API publishes: session types and age bands, as ORUK taxonomies.
import { AGE_BANDS, type AgeBand, bandsForRange } from "~/domain/age-bands";
import { TAXONOMIES, type TaxonomyKey, termUuid } from "~/domain/oruk-ids";
import { SESSION_TYPE_SLUGS } from "~/domain/session-types";

/** English names of each term (from the `common` locale), given by the caller. */
export type Labels = { types: Record<string, string>; ageBands: Record<string, string>; siteUrl: string };

type Term = { id: string; name: string; description: string; taxonomy_id: string; taxonomy: string; term_uri: string; term: string };

const TAXONOMY_TEXT: Record<TaxonomyKey, { name: string; description: string; slugs: readonly string[] }> = {
  "session-types": { name: "Session types", description: "What kind of session a service is.", slugs: SESSION_TYPE_SLUGS },
  "age-bands": { name: "Age bands", description: "The ages a service is for, as the bands families search by.", slugs: AGE_BANDS },
};

export function taxonomyTerm(labels: Labels, taxonomy: TaxonomyKey, slug: string): Term {
  const name = taxonomy === "session-types" ? (labels.types[slug] ?? slug) : (labels.ageBands[slug] ?? slug);
  return {
    id: termUuid(taxonomy, slug),
    name,
    description: `${TAXONOMY_TEXT[taxonomy].name}: ${name}`,
    taxonomy_id: TAXONOMIES[taxonomy],
    taxonomy: taxonomy,
    term_uri: `${labels.siteUrl}/api/taxonomy_terms/${termUuid(taxonomy, slug)}`,
    term: slug,
  };
}

export function allTerms(labels: Labels): Term[] {
  return (Object.keys(TAXONOMIES) as TaxonomyKey[]).flatMap((key) => TAXONOMY_TEXT[key].slugs.map((slug) => taxonomyTerm(labels, key, slug)));
}

export function taxonomy(labels: Labels, key: TaxonomyKey, withTerms: boolean) {
  return {
    id: TAXONOMIES[key],
    name: TAXONOMY_TEXT[key].name,
    description: TAXONOMY_TEXT[key].description,
    uri: `${labels.siteUrl}/api/taxonomies/${TAXONOMIES[key]}`,
    ...(withTerms ? { taxonomy_terms: TAXONOMY_TEXT[key].slugs.map((slug) => taxonomyTerm(labels, key, slug)) } : {}),
  };
}

export const TAXONOMY_KEYS = Object.keys(TAXONOMIES) as TaxonomyKey[];

/** The terms a series carries: its type and every age band its range fits. */
export function seriesTermSlugs(s: {
  typeSlug: string;
  forPregnancy: boolean;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
}): { taxonomy: TaxonomyKey; slug: string }[] {
  return [
    { taxonomy: "session-types" as const, slug: s.typeSlug },
    ...bandsForRange(s).map((b: AgeBand) => ({ taxonomy: "age-bands" as const, slug: b })),
  ];
}
