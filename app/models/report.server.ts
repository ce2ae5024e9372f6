// The partnership's reports (/staff/reports): reach, take-up and unmet demand over a period,
// scoped to what the viewer may see. The counts per series and per week come from the summary the
// triggers keep (models/report-summary.server.ts, decision 009) and are rolled up here by hub,
// locality, type and age band. Nothing about a family leaves this file: only counts.
import type { Db } from "../../db/connection";
import { AGE_BANDS, type AgeBand, bandsForRange } from "~/domain/age-bands";
import type { Viewer } from "~/domain/permissions";
import { addFigures, DECILES, emptyFigures, type Figures } from "~/domain/report";
import { connectionCounts, type ReportFilters, type ReportScope, reportScope, signpostCounts } from "~/models/report-scope.server";
import { type Ages, type SeriesMeta, seriesMeta } from "~/models/report-series.server";
import { type ReportCounts, summaryCounts, type WeekPoint } from "~/models/report-summary.server";
import { countSearchMisses, type MissCount } from "~/models/search-miss.server";

export type Group = { key: string; name: string; figures: Figures };

export type { WeekPoint };

export type Report = {
  /** False for outreach workers: their report is their own signposts and requests. */
  bookings: boolean;
  total: Figures;
  byHub: Group[];
  byLocality: Group[];
  byType: Group[];
  byAgeBand: Group[];
  deciles: { bookings: number[]; attended: number[] };
  weekly: WeekPoint[];
  signposts: { typeSlug: string | null; count: number }[];
  connections: { venueId: number; venueName: string; counts: Record<string, number> }[];
  misses: { byDistrict: MissCount[]; byAgeBand: MissCount[]; total: number } | null;
};

type Key = { key: string; name: string };

/**
 * The rows by hub, locality, type and age band, and the total, in one pass over the series: each
 * group in the order its first series comes, as the tables sort them after. A series for several
 * age bands counts in each of them (those rows do not add up to the total).
 */
function rollUps(entries: [SeriesMeta, Figures][], ageBand: AgeBand | undefined) {
  const maps = {
    hub: new Map<string, Group>(),
    locality: new Map<string, Group>(),
    type: new Map<string, Group>(),
    band: new Map<string, Group>(),
  };
  const add = (groups: Map<string, Group>, key: string, name: string, figures: Figures) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, name, figures: emptyFigures() }));
    addFigures(group.figures, figures);
  };
  // About twenty distinct age ranges among 50,000 series (shared objects): each one's bands worked out once.
  const bandsOf = new Map<Ages, Key[]>();
  const total = emptyFigures();
  for (const [m, figures] of entries) {
    addFigures(total, figures);
    add(maps.hub, String(m.hub.id), m.hub.name, figures);
    add(maps.locality, String(m.hub.localityId), m.hub.localityName, figures);
    add(maps.type, m.typeSlug, m.typeSlug, figures);
    let bands = bandsOf.get(m.ages);
    if (!bands) {
      const { forPregnancy, ageMinMonths, ageMaxMonths } = m.ages;
      bands = bandsForRange({ forPregnancy: forPregnancy === 1, ageMinMonths, ageMaxMonths })
        .filter((band) => !ageBand || band === ageBand)
        .map((band) => ({ key: band, name: band }));
      bandsOf.set(m.ages, bands);
    }
    for (const { key, name } of bands) add(maps.band, key, name, figures);
  }
  return {
    total,
    hub: [...maps.hub.values()],
    locality: [...maps.locality.values()],
    type: [...maps.type.values()],
    band: [...maps.band.values()],
  };
}

/** The localities whose searches a viewer sees: every one, or those of their own hubs. */
function missLocalities(db: Db, filters: ReportFilters, scope: ReportScope): number[] | null {
  if (scope.kind === "own") return [];
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (scope.kind === "hubs")
    where.push(scope.venueIds.length ? `id IN (SELECT locality_id FROM venues WHERE id IN (${scope.venueIds.map(Number).join(",")}))` : "0");
  if (filters.venueId !== undefined) {
    where.push("id = (SELECT locality_id FROM venues WHERE id = @venue)");
    params.venue = filters.venueId;
  }
  if (filters.localityId !== undefined) {
    where.push("id = @locality");
    params.locality = filters.localityId;
  }
  if (filters.localAuthorityId !== undefined) {
    where.push("local_authority_id = @la");
    params.la = filters.localAuthorityId;
  }
  if (where.length === 0) return null;
  return (db.$client.prepare(`SELECT id FROM localities WHERE ${where.join(" AND ")}`).all(params) as { id: number }[]).map((r) => r.id);
}

/**
 * How the counts are made: from the summary tables; the tests pass a count straight from the rows.
 * `series` is the scope's series, read once for the roll-ups and for what the counts need of them.
 */
export type Counter = (db: Db, filters: ReportFilters, scope: ReportScope, today: string, series: Map<number, SeriesMeta>) => ReportCounts;

export function buildReport(db: Db, viewer: Viewer, filters: ReportFilters, today: string, count: Counter = summaryCounts): Report {
  const scope = reportScope(viewer);
  const bookings = scope.kind !== "own";
  const none: ReportCounts = { perSeries: new Map(), deciles: { bookings: DECILES.map(() => 0), attended: DECILES.map(() => 0) }, weekly: [] };
  const meta = bookings ? seriesMeta(db, filters, scope) : new Map<number, SeriesMeta>();
  const { perSeries, deciles, weekly } = bookings ? count(db, filters, scope, today, meta) : none;
  const entries: [SeriesMeta, Figures][] = [];
  for (const [id, figures] of perSeries) {
    const m = meta.get(id);
    if (m) entries.push([m, figures]);
  }
  const groups = rollUps(entries, filters.ageBand);
  const byName = (a: Group, b: Group) => a.name.localeCompare(b.name, "en");
  const bandOrder = (a: Group, b: Group) => AGE_BANDS.indexOf(a.key as AgeBand) - AGE_BANDS.indexOf(b.key as AgeBand);
  return {
    bookings,
    total: groups.total,
    byHub: groups.hub.sort(byName),
    byLocality: groups.locality.sort(byName),
    byType: groups.type.sort(byName),
    byAgeBand: groups.band.sort(bandOrder),
    deciles,
    weekly,
    signposts: signpostCounts(db, filters, scope),
    connections: connectionCounts(db, filters, scope),
    misses: bookings
      ? countSearchMisses(db, filters.range, {
          localityIds: missLocalities(db, filters, scope),
          ageBand: filters.ageBand,
          typeSlug: filters.typeSlug,
        })
      : null,
  };
}
