import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Checkbox, Select, TextInput } from "~/components/govuk/fields";
import { ShareLink } from "~/components/share-link";
import { AGE_BANDS } from "~/domain/age-bands";
import { londonDate, londonTime, TIMES_OF_DAY, WEEKDAY_SLUGS } from "~/domain/dates";
import { DEFAULT_DISTANCE, DISTANCES } from "~/domain/distance";
import { formatParsedPostcode } from "~/domain/postcode";
import { SESSION_TYPE_SLUGS } from "~/domain/session-types";
import { WHEN_SLUGS, whenRange } from "~/domain/when";
import { type Located, locatePostcode } from "~/models/geography.server";
import { getLocality, localityChoices, outsideCoverage } from "~/models/locality.server";
import { CONTENT_LANGUAGE } from "~/i18n";
import { translatedTitles } from "~/models/series-translation.server";
import { type SearchOutcome, searchSeries, type SeriesResult } from "~/models/search.server";
import { askedByAPerson, recordIfNothingFound } from "~/models/search-miss.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { languageName } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import type { LightHandle } from "~/utils/light-pages";
import { titleMeta } from "~/utils/meta";
import { type FieldErrors, parseSearchParams } from "~/utils/search-params.server";
import { type LoaderData, Results } from "./results";

// The map is the only thing here that needs React: it is started when "Show map" is tapped.
export const handle = { i18n: ["search"], scripts: "on-demand" } satisfies LightHandle & { i18n: string[] };
export const meta = titleMeta;

// Languages sessions are run in, offered in the "language spoken" filter.
const SESSION_LANGUAGES = ["ar", "bn", "en", "gu", "pa", "pl", "ro", "so", "ur"];

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title, locale } = await translator(request, "search");
  const db = getDb();
  const url = new URL(request.url);
  const { params, errors, raw } = parseSearchParams(url.searchParams);

  let outcome: SearchOutcome | null = null;
  let place: string | null = null;
  let located: Located | null = null;
  let precision: "unit" | "district" | null = null;
  let chosen: ReturnType<typeof getLocality>;
  const today = londonDate(now());
  if (params) {
    const locality = params.locality ? getLocality(db, params.locality) : undefined;
    chosen = locality;
    if (params.locality && !locality) errors.locality = "errors.localityUnknown";
    located = params.postcode ? locatePostcode(db, params.postcode) : null;
    if (params.postcode && !located) errors.postcode = "errors.postcodeUnknown";
    if (Object.keys(errors).length === 0) {
      const origin = located ?? (locality ? locality.locality : null);
      precision = located?.precision ?? null;
      place = params.postcode ? formatParsedPostcode(params.postcode) : (locality?.locality.name ?? null);
      const distance = params.distance ?? DEFAULT_DISTANCE;
      const current = now();
      outcome = searchSeries(db, {
        origin: origin ? { latitude: origin.latitude, longitude: origin.longitude } : null,
        localityId: locality?.locality.id,
        age: params.age,
        type: params.type,
        day: params.day,
        time: params.time,
        ...(params.when ? whenRange(params.when, today) : {}),
        // "This week near me" reads best day by day; distance still limits it.
        sortByDate: params.when !== undefined,
        free: params.free,
        send: params.send,
        stepFree: params.step,
        lang: params.lang,
        // A locality search lists the whole locality; the radius applies to postcodes.
        maxMiles: params.postcode && distance !== "any" ? Number(distance) : null,
        page: params.page,
        today,
        nowTime: londonTime(current),
      });
      // A crawler following links, or a browser fetching a page ahead in case it is opened, is not
      // a family that found nothing: only searches a person asked for count as unmet demand.
      if (askedByAPerson(request))
        recordIfNothingFound(db, { params, outcome, localityId: locality?.locality.id ?? null, origin: located, date: londonDate(current) });
    }
  }

  const coverage = located && Object.keys(errors).length === 0 ? outsideCoverage(db, located) : null;
  // The areas offered are those near the search (all of them in a small directory: decision 020).
  const choices = localityChoices(db, { origin: located ?? chosen?.locality ?? null, chosenAuthorityId: chosen?.localAuthority.id });
  const shownIds = outcome ? [...outcome.results, ...outcome.online].map((r) => r.seriesId) : [];
  const titles = locale === CONTENT_LANGUAGE ? new Map<number, string>() : translatedTitles(db, shownIds, locale);
  const fieldErrors: FieldErrors = {};
  for (const [field, key] of Object.entries(errors)) fieldErrors[field as keyof FieldErrors] = t(`search:${key}`);
  const hasErrors = Object.keys(fieldErrors).length > 0;
  return json(
    {
      title: title(t("search:results.title"), hasErrors),
      values: raw,
      errors: fieldErrors,
      // Only what the page shows: 20 results are most of its weight.
      outcome: outcome && {
        ...outcome,
        results: outcome.results.map((r) => toCard(r, titles)),
        online: outcome.online.map((r) => toCard(r, titles)),
      },
      place,
      // Searched from outside the areas the site covers: say which areas those are.
      outsideCoverage: coverage,
      precision,
      distance: params?.distance ?? DEFAULT_DISTANCE,
      // Soonest first (with a heading for each day) for a quick date filter, or with no place to measure from.
      byDate: Boolean(params?.when) || place === null,
      today,
      // Only what the select shows: at national size every field of every area was hundreds of KB.
      localities: choices.localities.map((l) => ({ slug: l.slug, name: l.name, localAuthority: l.localAuthority })),
      // Which hint the select carries when it does not offer every area: near the search, or ask for a postcode.
      localityHint: choices.everyLocality ? null : choices.localities.length > 0 ? "near" : "postcode",
      languages: SESSION_LANGUAGES.map((code) => ({ code, name: languageName(code, locale) })),
    },
    { status: hasErrors ? 400 : 200 },
  );
}

/** `titles`: the hubs' own translations of the shown titles into the page's language. */
function toCard(r: SeriesResult, titles: Map<number, string>) {
  const { venue, next } = r;
  const translated = titles.get(r.seriesId);
  return {
    seriesId: r.seriesId,
    title: translated ?? r.title,
    translated: translated !== undefined,
    typeSlug: r.typeSlug,
    bookingMode: r.bookingMode,
    ageMinMonths: r.ageMinMonths,
    ageMaxMonths: r.ageMaxMonths,
    forPregnancy: r.forPregnancy,
    costPence: r.costPence,
    sendFriendly: r.sendFriendly,
    venue: { name: venue.name, kind: venue.kind, latitude: venue.latitude, longitude: venue.longitude },
    next: { date: next.date, startTime: next.startTime, endTime: next.endTime, occurrenceId: next.occurrenceId },
    placesLeft: r.placesLeft,
    distance: r.distance,
  };
}

const FIELD_ORDER = ["postcode", "locality", "age", "when", "type", "day", "time", "distance", "lang", "free", "send", "step", "page"];

export default function Search() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("search");
  const { values, errors, outcome } = data;
  const errorList = FIELD_ORDER.filter((f) => errors[f as keyof typeof errors]).map((f) => ({
    href: `#${f}`,
    text: errors[f as keyof typeof errors] as string,
  }));
  const moreFiltersUsed = ["type", "day", "time", "lang", "free", "send", "step"].some((k) => values[k]);

  /** This search with some parameters changed (null: removed), from its first page unless a page is given. */
  const searchLink = (changes: Record<string, string | null>) => {
    const p = new URLSearchParams(values);
    if (!("page" in changes)) p.delete("page");
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) p.delete(name);
      else p.set(name, value);
    }
    return `/search?${p}`;
  };
  const pageLink = (page: number) => searchLink({ page: String(page) });
  const widerLink = () => {
    const i = DISTANCES.indexOf(data.distance as (typeof DISTANCES)[number]);
    return searchLink({ distance: DISTANCES[Math.min(i + 1, DISTANCES.length - 1)] });
  };
  const anyDistanceLink = () => searchLink({ distance: "any" });
  const whenLink = (when: string | null) => searchLink({ when });

  return (
    <>
      <ErrorSummary errors={errorList} />
      <h1 className="govuk-heading-l app-results__heading">{t("results.heading")}</h1>
      <nav className="app-when" id="when" aria-label={t("results.when.label")}>
        <ul className="app-when__list">
          {[null, ...WHEN_SLUGS].map((when) => {
            const current = (values.when ?? null) === when;
            return (
              <li key={when ?? "any"}>
                <Link className="app-when__link" to={whenLink(when)} aria-current={current ? "page" : undefined} data-when={when ?? "any"}>
                  {t(`results.when.${when ?? "any"}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {/* Folded on a phone: the search already run is one line; opened when it needs correcting. */}
      <details className="govuk-details app-filters-fold" open={errorList.length > 0 || !outcome}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">{t("results.changeSearch")}</span>
        </summary>
        <div className="govuk-details__text app-filters-fold__body">
          <form method="get" action="/search" className="app-filters" aria-label={t("form.label")}>
            {values.when && <input type="hidden" name="when" value={values.when} />}
            <TextInput
              id="postcode"
              name="postcode"
              label={t("form.postcode")}
              hint={t("form.postcodeHint")}
              error={errors.postcode}
              defaultValue={values.postcode}
              className="govuk-input--width-10"
              autoComplete="postal-code"
              spellCheck={false}
              dir="ltr"
            />
            <Select
              id="locality"
              name="locality"
              label={t("form.locality")}
              hint={
                data.localityHint === null ? undefined : t(data.localityHint === "near" ? "form.localityHintNear" : "form.localityHintPostcode")
              }
              error={errors.locality}
              defaultValue={values.locality}
              options={[{ value: "", label: t("form.anyLocality") }]}
              groups={groupLocalities(data.localities)}
            />
            <Select
              id="age"
              name="age"
              label={t("form.age")}
              error={errors.age}
              defaultValue={values.age}
              options={[{ value: "", label: t("form.anyAge") }, ...AGE_BANDS.map((b) => ({ value: b, label: t(`common:ageBands.${b}`) }))]}
            />
            <details className="govuk-details" open={moreFiltersUsed || errorList.length > 0}>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">{t("form.moreFilters")}</span>
              </summary>
              <div className="govuk-details__text">
                <Select
                  id="type"
                  name="type"
                  label={t("form.type")}
                  error={errors.type}
                  defaultValue={values.type}
                  options={[
                    { value: "", label: t("form.anyType") },
                    ...SESSION_TYPE_SLUGS.map((s) => ({ value: s, label: t(`common:types.${s}`) })),
                  ]}
                />
                <Select
                  id="day"
                  name="day"
                  label={t("form.day")}
                  error={errors.day}
                  defaultValue={values.day}
                  options={[{ value: "", label: t("form.anyDay") }, ...WEEKDAY_SLUGS.map((d) => ({ value: d, label: t(`common:days.${d}`) }))]}
                />
                <Select
                  id="time"
                  name="time"
                  label={t("form.time")}
                  error={errors.time}
                  defaultValue={values.time}
                  options={[{ value: "", label: t("form.anyTime") }, ...TIMES_OF_DAY.map((d) => ({ value: d, label: t(`form.times.${d}`) }))]}
                />
                <Select
                  id="distance"
                  name="distance"
                  label={t("form.distance")}
                  error={errors.distance}
                  defaultValue={values.distance ?? DEFAULT_DISTANCE}
                  options={DISTANCES.map((d) => ({
                    value: d,
                    label: d === "any" ? t("form.anyDistance") : t("form.withinMiles", { count: Number(d) }),
                  }))}
                />
                <Select
                  id="lang"
                  name="lang"
                  label={t("form.lang")}
                  error={errors.lang}
                  defaultValue={values.lang}
                  options={[{ value: "", label: t("form.anyLanguage") }, ...data.languages.map((l) => ({ value: l.code, label: l.name }))]}
                />
                <div className="govuk-form-group">
                  <fieldset className="govuk-fieldset">
                    <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("form.only")}</legend>
                    <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                      <Checkbox name="free" label={t("form.free")} checked={Boolean(values.free)} />
                      <Checkbox name="send" label={t("form.send")} checked={Boolean(values.send)} />
                      <Checkbox name="step" label={t("form.stepFree")} checked={Boolean(values.step)} />
                    </div>
                  </fieldset>
                </div>
              </div>
            </details>
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("form.submit")}
            </button>
          </form>
        </div>
      </details>
      {outcome && (
        <Results
          data={data}
          outcome={outcome}
          pageLink={pageLink}
          widerLink={widerLink}
          anyDistanceLink={anyDistanceLink}
          lng={i18n.language}
        />
      )}
      {outcome && <ShareLink kind="search" query={values} />}
    </>
  );
}

function groupLocalities(localities: LoaderData["localities"]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const l of localities) {
    groups.set(l.localAuthority, [...(groups.get(l.localAuthority) ?? []), { value: l.slug, label: l.name }]);
  }
  return [...groups].map(([label, options]) => ({ label, options }));
}
