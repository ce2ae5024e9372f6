// Applies a parsed ORUK feed in one IMMEDIATE transaction: venues and series created or updated in
// place (matched by the feed's ids), their dates generated like any other series, services gone
// from the feed withdrawn (archived, booked dates flagged, nothing deleted), and one audit entry
// with the counts. Nothing changes when the feed has not. A dry run does it all and rolls back.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/connection";
import * as t from "../../../db/schema";
import { distanceMiles } from "~/domain/distance";
import { feedUuid } from "~/domain/oruk-ids";
import { parsePostcode } from "~/domain/postcode";
import { audit } from "~/models/audit.server";
import { changeCapacity } from "~/models/booking.server";
import { locatePostcode } from "~/models/geography.server";
import { regenerateOccurrences, topUpOccurrences } from "~/models/occurrence-generation.server";
import type { FeedService } from "~/oruk/import/feed.server";
import { type Plan, planService, type PlannedSeries, type PlannedVenue } from "~/oruk/import/plan";
import type { Clock } from "~/utils/clock.server";

export type ImportReport = {
  source: string;
  dryRun: boolean;
  services: number;
  created: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  restored: number;
  venuesCreated: number;
  venuesUpdated: number;
  datesAdded: number;
  datesFlagged: number;
  skipped: { id: string; reason: string }[];
  changes: string[];
};

/** A locality farther than this from every locality of the council gets one of its own. */
const LOCALITY_RADIUS_MILES = 10;

class DryRun extends Error {}

function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50) || "imported"
  );
}

function uniqueSlug(db: Db, table: "venues" | "localities" | "local_authorities", base: string): string {
  const taken = db.$client.prepare(`SELECT 1 FROM ${table} WHERE slug = ?`);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!taken.get(slug)) return slug;
  }
}

/** The feed's names for a source: a URL without its trailing slash, or a file's absolute path. */
export function sourceKey(source: string): string {
  return source.replace(/\/+$/, "");
}

const VENUE_FIELDS = [
  "name",
  "kind",
  "addressLine1",
  "addressLine2",
  "town",
  "postcode",
  "latitude",
  "longitude",
  "phone",
  "email",
  "description",
] as const;
const SERIES_FIELDS = [
  "title",
  "description",
  "weekdays",
  "startTime",
  "endTime",
  "startDate",
  "endDate",
  "termTimeOnly",
  "capacity",
  "bookingMode",
  "ageMinMonths",
  "ageMaxMonths",
  "forPregnancy",
  "languages",
  "costPence",
  "costNotes",
] as const;
const PATTERN_FIELDS = ["weekdays", "startTime", "endTime", "startDate", "endDate", "termTimeOnly"] as const;

/** The fields a feed owns: staff cannot change them on an imported series (the next import would undo it). */
export const FEED_OWNED_SERIES_FIELDS: readonly string[] = [...SERIES_FIELDS, "typeSlug"];

export function importFeed(db: Db, source: string, feed: FeedService[], options: { dryRun: boolean; clock: Clock; horizonWeeks: number }) {
  const key = sourceKey(source);
  const { clock, horizonWeeks } = options;
  const report: ImportReport = {
    source: key,
    dryRun: options.dryRun,
    services: feed.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    withdrawn: 0,
    restored: 0,
    venuesCreated: 0,
    venuesUpdated: 0,
    datesAdded: 0,
    datesFlagged: 0,
    skipped: [],
    changes: [],
  };

  const seen = new Set<string>();
  const inactive = new Set<string>();
  const plans: Extract<Plan, { kind: "ok" }>[] = [];
  for (const service of feed) {
    if (seen.has(service.id)) {
      report.skipped.push({ id: service.id, reason: "its id appears more than once in the feed" });
      continue;
    }
    seen.add(service.id);
    const plan = planService(service, clock.date);
    if (service.status && service.status !== "active") inactive.add(service.id);
    if (plan.kind === "skip") report.skipped.push({ id: plan.feedId, reason: plan.reason });
    else plans.push(plan);
  }
  // In-person places first, so an online service finds the council's area already there.
  plans.sort((a, b) => Number(a.venue.kind === "online") - Number(b.venue.kind === "online"));

  const run = () => {
    const typeIds = new Map(
      db
        .select()
        .from(t.sessionTypes)
        .all()
        .map((r) => [r.slug, r.id]),
    );
    const councils = new Map<string, { id: number; slug: string; addTerms: boolean }>();
    const councilFor = (name: string) => {
      const known = councils.get(name);
      if (known) return known;
      const existing = db.$client.prepare("SELECT id, slug FROM local_authorities WHERE lower(name) = lower(?)").get(name) as
        { id: number; slug: string } | undefined;
      let council;
      if (existing) {
        const hasTerms = db.$client.prepare("SELECT 1 FROM term_dates WHERE local_authority_id = ?").get(existing.id);
        council = { ...existing, addTerms: !hasTerms };
      } else {
        const slug = uniqueSlug(db, "local_authorities", slugify(name));
        const row = db.insert(t.localAuthorities).values({ slug, name }).returning({ id: t.localAuthorities.id }).get();
        report.changes.push(`create council "${name}"`);
        council = { id: row.id, slug, addTerms: true };
      }
      councils.set(name, council);
      return council;
    };

    const localityFor = (councilId: number, councilSlug: string, venue: PlannedVenue): number | string => {
      const localities = db.select().from(t.localities).where(eq(t.localities.localAuthorityId, councilId)).orderBy(t.localities.id).all();
      if (venue.latitude === null || venue.longitude === null) return localities[0]?.id ?? "it is online and its council has no area yet";
      const here = { latitude: venue.latitude, longitude: venue.longitude };
      const nearest = localities
        .map((l) => ({ l, miles: distanceMiles(here, l) }))
        .sort((a, b) => a.miles - b.miles)
        .at(0);
      if (nearest && nearest.miles <= LOCALITY_RADIUS_MILES) return nearest.l.id;
      const name = venue.town || venue.name;
      const slug = uniqueSlug(db, "localities", slugify(`${councilSlug}-${name}`));
      report.changes.push(`create area "${name}"`);
      return db
        .insert(t.localities)
        .values({ slug, name, localAuthorityId: councilId, ...here })
        .returning({ id: t.localities.id })
        .get().id;
    };

    const venueIds = new Map<string, number>();
    const venueFor = (plan: Extract<Plan, { kind: "ok" }>): number | string => {
      const done = venueIds.get(plan.venue.feedId);
      if (done) return done;
      const venue = { ...plan.venue };
      if (venue.kind !== "online" && (venue.latitude === null || venue.longitude === null)) {
        const parsed = venue.postcode ? parsePostcode(venue.postcode) : null;
        const located = parsed ? locatePostcode(db, parsed) : null;
        if (!located) return `its postcode ${venue.postcode ?? ""} could not be placed`;
        venue.latitude = located.latitude;
        venue.longitude = located.longitude;
      }
      if (venue.postcode) {
        const parsed = parsePostcode(venue.postcode);
        if (parsed?.kind === "full") venue.postcode = parsed.postcode;
      }
      const existing = db
        .select()
        .from(t.venues)
        .where(and(eq(t.venues.feedSource, key), eq(t.venues.feedId, venue.feedId)))
        .get();
      const columns = Object.fromEntries(VENUE_FIELDS.map((f) => [f, venue[f]])) as Pick<PlannedVenue, (typeof VENUE_FIELDS)[number]>;
      let id: number;
      if (existing) {
        id = existing.id;
        const changed = VENUE_FIELDS.filter((f) => existing[f] !== columns[f]);
        if (changed.length > 0) {
          db.update(t.venues)
            .set({ ...columns, updatedAt: clock.iso })
            .where(eq(t.venues.id, id))
            .run();
          report.venuesUpdated++;
          report.changes.push(`update venue "${venue.name}" (${changed.join(", ")})`);
        }
      } else {
        const council = councilFor(plan.organization);
        const localityId = localityFor(council.id, council.slug, venue);
        if (typeof localityId === "string") return localityId;
        id = db
          .insert(t.venues)
          .values({
            ...columns,
            slug: uniqueSlug(db, "venues", slugify(venue.name)),
            localityId,
            orukId: feedUuid(key, "location", venue.feedId),
            feedSource: key,
            feedId: venue.feedId,
          })
          .returning({ id: t.venues.id })
          .get().id;
        report.venuesCreated++;
        report.changes.push(`create venue "${venue.name}"`);
      }
      venueIds.set(plan.venue.feedId, id);
      return id;
    };

    const addTerms = (plan: Extract<Plan, { kind: "ok" }>) => {
      if (plan.terms.length === 0) return;
      const council = councilFor(plan.organization);
      if (!council.addTerms) return;
      const exists = db.$client.prepare("SELECT 1 FROM term_dates WHERE local_authority_id = ? AND start_date = ? AND end_date = ?");
      for (const term of plan.terms) {
        if (exists.get(council.id, term.startDate, term.endDate)) continue;
        db.insert(t.termDates)
          .values({ localAuthorityId: council.id, name: `Term from ${term.startDate}`, startDate: term.startDate, endDate: term.endDate })
          .run();
      }
    };

    // Still listed, even if skipped for odd data; a service the feed calls inactive is gone.
    const present = new Set([...seen].filter((id) => !inactive.has(id)));
    for (const plan of plans) {
      const venueId = venueFor(plan);
      if (typeof venueId === "string") {
        report.skipped.push({ id: plan.feedId, reason: venueId });
        continue;
      }
      addTerms(plan);
      const { typeSlug, ...columns } = plan.series;
      const typeId = typeIds.get(typeSlug)!;
      const existing = db
        .select()
        .from(t.sessionSeries)
        .where(and(eq(t.sessionSeries.feedSource, key), eq(t.sessionSeries.feedId, plan.feedId)))
        .get();
      if (!existing) {
        const created = db
          .insert(t.sessionSeries)
          .values({ ...columns, typeId, venueId, orukId: feedUuid(key, "service", plan.feedId), feedSource: key, feedId: plan.feedId })
          .returning({ id: t.sessionSeries.id })
          .get();
        report.datesAdded += topUpOccurrences(db, clock.date, horizonWeeks, created.id);
        report.created++;
        report.changes.push(`create series "${plan.series.title}"`);
        continue;
      }
      const withdrawn = existing.feedWithdrawnAt !== null;
      const changed = [
        ...SERIES_FIELDS.filter((f) => existing[f] !== (columns as PlannedSeries)[f]),
        ...(existing.typeId !== typeId ? ["type"] : []),
        ...(existing.venueId !== venueId ? ["venue"] : []),
      ];
      if (changed.length === 0 && !withdrawn) {
        report.unchanged++;
        continue;
      }
      const { capacity, ...rest } = columns;
      db.update(t.sessionSeries)
        .set({ ...rest, typeId, venueId, updatedAt: clock.iso, ...(withdrawn ? { feedWithdrawnAt: null, status: "active" as const } : {}) })
        .where(eq(t.sessionSeries.id, existing.id))
        .run();
      if (capacity !== existing.capacity) changeCapacity(db, existing.id, capacity, clock.iso);
      if (withdrawn || existing.venueId !== venueId || PATTERN_FIELDS.some((f) => existing[f] !== columns[f])) {
        const dates = regenerateOccurrences(db, existing.id, clock, horizonWeeks);
        report.datesAdded += dates.added;
        report.datesFlagged += dates.flagged;
      }
      if (withdrawn) {
        report.restored++;
        report.changes.push(`restore series "${plan.series.title}" (back in the feed)`);
      } else {
        report.updated++;
        report.changes.push(`update series "${plan.series.title}" (${changed.join(", ")})`);
      }
    }

    // Gone from the feed: archived and marked withdrawn, never deleted; booked dates are flagged.
    const gone = db
      .select({ id: t.sessionSeries.id, feedId: t.sessionSeries.feedId, title: t.sessionSeries.title })
      .from(t.sessionSeries)
      .where(and(eq(t.sessionSeries.feedSource, key), isNull(t.sessionSeries.feedWithdrawnAt)))
      .all()
      .filter((s) => !present.has(s.feedId ?? ""));
    for (const s of gone) {
      db.update(t.sessionSeries)
        .set({ feedWithdrawnAt: clock.iso, status: "archived", updatedAt: clock.iso })
        .where(eq(t.sessionSeries.id, s.id))
        .run();
      const dates = regenerateOccurrences(db, s.id, clock, horizonWeeks);
      report.datesFlagged += dates.flagged;
      report.withdrawn++;
      report.changes.push(
        `withdraw series "${s.title}" (no longer in the feed${dates.flagged > 0 ? `; ${dates.flagged} booked dates flagged` : ""})`,
      );
    }

    const { changes: _changes, ...counts } = report;
    audit(db, null, { action: "feed.import", entityType: "feed", entityId: key, after: { ...counts, skipped: report.skipped.length } });
    if (options.dryRun) throw new DryRun();
  };

  try {
    db.$client.transaction(run).immediate();
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  }
  return report;
}

/** The last import of each source, from the audit log, newest first (for the feeds page). */
export function lastImports(db: Db) {
  const rows = db.$client
    .prepare(
      `SELECT entity_id AS source, at, after FROM audit_log a
        WHERE action = 'feed.import' AND id = (SELECT max(id) FROM audit_log b WHERE b.action = 'feed.import' AND b.entity_id = a.entity_id)
        ORDER BY at DESC`,
    )
    .all() as { source: string; at: string; after: string }[];
  return rows.map((r) => ({
    source: r.source,
    at: r.at,
    counts: JSON.parse(r.after) as Omit<ImportReport, "changes" | "skipped"> & { skipped: number },
  }));
}
