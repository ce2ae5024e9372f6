// Which series and venues a report counts, as SQL over session_series (s), venues (v) and
// localities (l): the viewer's scope and the report's filters. Shared by the summary's sums, the
// series' details and the reference count the tests compare them with.
import { BAND_MONTHS } from "~/domain/age-bands";
import type { ReportFilters, ReportScope } from "~/models/report-scope.server";

type Sql = { sql: string; params: Record<string, unknown>; narrowed: boolean };

/** The venues a report counts: conditions over v (venues) and l (localities), parameters from filterParams. */
export function venueFilter(filters: ReportFilters, scope: ReportScope): string[] {
  const where: string[] = [];
  if (scope.kind === "hubs") where.push(scope.venueIds.length ? `v.id IN (${scope.venueIds.map(Number).join(",")})` : "0");
  if (scope.kind === "own") where.push("0");
  if (filters.localAuthorityId !== undefined) where.push("l.local_authority_id = @la");
  if (filters.localityId !== undefined) where.push("v.locality_id = @locality");
  if (filters.venueId !== undefined) where.push("v.id = @venue");
  return where;
}

function filterParams(filters: ReportFilters): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (filters.localAuthorityId !== undefined) params.la = filters.localAuthorityId;
  if (filters.localityId !== undefined) params.locality = filters.localityId;
  if (filters.venueId !== undefined) params.venue = filters.venueId;
  if (filters.typeSlug !== undefined) params.type = filters.typeSlug;
  return params;
}

/** The series a report counts, as SQL over s (series), v (venues), l (localities), with its parameters. */
export function seriesFilter(filters: ReportFilters, scope: ReportScope): Sql {
  const where = venueFilter(filters, scope);
  if (filters.typeSlug !== undefined) where.push("s.type_id = (SELECT id FROM session_types WHERE slug = @type)");
  if (filters.ageBand === "pregnancy") where.push("s.for_pregnancy = 1");
  else if (filters.ageBand) {
    // The rule of fitsAgeBand (domain/age-bands.ts), in SQL: the series' range overlaps the band.
    const [lo, hi] = BAND_MONTHS[filters.ageBand];
    where.push(`(s.age_min_months IS NOT NULL OR s.age_max_months IS NOT NULL)
      AND COALESCE(s.age_min_months, 0) <= ${hi} AND COALESCE(s.age_max_months, 100000) >= ${lo}`);
  }
  const sql = `SELECT s.id FROM session_series s JOIN venues v ON v.id = s.venue_id JOIN localities l ON l.id = v.locality_id
    ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
  // Every series has a venue in a locality, so with no condition the list is every series.
  return { sql, params: filterParams(filters), narrowed: where.length > 0 };
}
