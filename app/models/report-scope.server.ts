// What a report may cover: the filters it was asked for, whose hubs (or signposts) the viewer sees, the
// choices its filters offer, and the outreach counts, which are scoped by hub or by the worker.
import type { Db } from "../../db/connection";
import { type AgeBand } from "~/domain/age-bands";
import type { Viewer } from "~/domain/permissions";
import { type DateRange } from "~/domain/report-period";

export type ReportFilters = {
  range: DateRange;
  localAuthorityId?: number;
  localityId?: number;
  venueId?: number;
  typeSlug?: string;
  ageBand?: AgeBand;
};

/** What a viewer's report covers: every hub, their own hubs, or only their own signposts and requests. */
export type ReportScope = { kind: "all" } | { kind: "hubs"; venueIds: number[] } | { kind: "own"; userId: number };

export function reportScope(viewer: Viewer): ReportScope {
  if (viewer.role === "admin") return { kind: "all" };
  if (viewer.role === "outreach") return { kind: "own", userId: viewer.id };
  return { kind: "hubs", venueIds: viewer.venueIds };
}

/** Where the scope's signposts and connection requests are counted: a venue filter in SQL over `venue`. */
export function venueScope(column: string, filters: ReportFilters, scope: ReportScope, userColumn: string) {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (scope.kind === "hubs") where.push(scope.venueIds.length ? `${column} IN (${scope.venueIds.map(Number).join(",")})` : "0");
  if (scope.kind === "own") {
    where.push(`${userColumn} = @user`);
    params.user = scope.userId;
  }
  if (filters.venueId !== undefined) {
    where.push(`${column} = @venue`);
    params.venue = filters.venueId;
  }
  if (filters.localityId !== undefined) {
    where.push(`${column} IN (SELECT id FROM venues WHERE locality_id = @locality)`);
    params.locality = filters.localityId;
  }
  if (filters.localAuthorityId !== undefined) {
    where.push(`${column} IN (SELECT v.id FROM venues v JOIN localities l ON l.id = v.locality_id WHERE l.local_authority_id = @la)`);
    params.la = filters.localAuthorityId;
  }
  return { where, params };
}

export function signpostCounts(db: Db, filters: ReportFilters, scope: ReportScope) {
  const venue = "COALESCE(sp.venue_id, (SELECT venue_id FROM session_series WHERE id = sp.series_id))";
  const { where, params } = venueScope(venue, filters, scope, "sp.user_id");
  if (filters.typeSlug) {
    where.push("sp.type_slug = @type");
    params.type = filters.typeSlug;
  }
  if (filters.ageBand) {
    where.push("sp.age_band = @age");
    params.age = filters.ageBand;
  }
  return db.$client
    .prepare(
      `SELECT sp.type_slug AS typeSlug, COUNT(*) AS count FROM signposts sp
        WHERE sp.date BETWEEN @from AND @to ${where.map((w) => `AND ${w}`).join(" ")}
        GROUP BY sp.type_slug ORDER BY COUNT(*) DESC, sp.type_slug`,
    )
    .all({ ...params, from: filters.range.from, to: filters.range.to }) as { typeSlug: string | null; count: number }[];
}

export function connectionCounts(db: Db, filters: ReportFilters, scope: ReportScope) {
  const { where, params } = venueScope("c.venue_id", filters, scope, "c.from_user_id");
  if (filters.ageBand) {
    where.push("c.age_band = @age");
    params.age = filters.ageBand;
  }
  const rows = db.$client
    .prepare(
      `SELECT c.venue_id AS venueId, v.name AS venueName, c.status AS status, COUNT(*) AS count
         FROM connection_requests c JOIN venues v ON v.id = c.venue_id
        WHERE substr(c.created_at, 1, 10) BETWEEN @from AND @to ${where.map((w) => `AND ${w}`).join(" ")}
        GROUP BY c.venue_id, c.status ORDER BY v.name`,
    )
    .all({ ...params, from: filters.range.from, to: filters.range.to }) as {
    venueId: number;
    venueName: string;
    status: string;
    count: number;
  }[];
  const byVenue = new Map<number, { venueId: number; venueName: string; counts: Record<string, number> }>();
  for (const r of rows) {
    const entry = byVenue.get(r.venueId) ?? { venueId: r.venueId, venueName: r.venueName, counts: {} };
    entry.counts[r.status] = r.count;
    byVenue.set(r.venueId, entry);
  }
  return [...byVenue.values()];
}

/** The choices of the report's filters, within what the viewer may see. */
export function reportChoices(db: Db, viewer: Viewer) {
  const scope = reportScope(viewer);
  // Outreach workers may narrow their own signposts and requests to the hubs they work with.
  const own = scope.kind === "hubs" ? scope.venueIds : scope.kind === "own" ? viewer.venueIds : null;
  const hubWhere = own ? `WHERE v.id IN (${own.length ? own.map(Number).join(",") : "-1"})` : "";
  const hubs = db.$client
    .prepare(
      `SELECT v.id, v.slug, v.name, v.locality_id AS localityId, l.local_authority_id AS localAuthorityId
         FROM venues v JOIN localities l ON l.id = v.locality_id ${hubWhere} ORDER BY v.name`,
    )
    .all() as { id: number; slug: string; name: string; localityId: number; localAuthorityId: number }[];
  const localities = db.$client
    .prepare(`SELECT l.id, l.slug, l.name, l.local_authority_id AS localAuthorityId FROM localities l ORDER BY l.name`)
    .all() as { id: number; slug: string; name: string; localAuthorityId: number }[];
  const localAuthorities = db.$client.prepare(`SELECT id, slug, name FROM local_authorities ORDER BY name`).all() as {
    id: number;
    slug: string;
    name: string;
  }[];
  const terms = db.$client
    .prepare(
      `SELECT t.id, t.name, t.start_date AS startDate, t.end_date AS endDate, t.local_authority_id AS localAuthorityId FROM term_dates t ORDER BY t.start_date, t.id`,
    )
    .all() as { id: number; name: string; startDate: string; endDate: string; localAuthorityId: number }[];
  if (scope.kind !== "hubs") return { hubs, localities, localAuthorities, terms };
  // Hub people choose among their own hubs' areas only.
  const ownLocalities = new Set(hubs.map((h) => h.localityId));
  const ownAuthorities = new Set(hubs.map((h) => h.localAuthorityId));
  return {
    hubs,
    localities: localities.filter((l) => ownLocalities.has(l.id)),
    localAuthorities: localAuthorities.filter((la) => ownAuthorities.has(la.id)),
    terms: terms.filter((t) => ownAuthorities.has(t.localAuthorityId)),
  };
}
