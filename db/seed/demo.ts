// Inserts the sample local authorities, localities, venues and session series.
import { eq } from "drizzle-orm";
import { addDays, isoWeekday } from "../../app/domain/dates";
import { SESSION_TYPE_SLUGS } from "../../app/domain/session-types";
import type { Db } from "../connection";
import * as t from "../schema";
import { DEMO_LOCAL_AUTHORITIES } from "./demo-places";
import { DEMO_SERIES } from "./demo-series";
import { DEMO_VENUES } from "./demo-venues";
import type { DemoSeries } from "./types";

export function seedSessionTypes(db: Db) {
  SESSION_TYPE_SLUGS.forEach((slug, i) => {
    db.insert(t.sessionTypes).values({ slug, sortOrder: i }).onConflictDoNothing().run();
  });
}

function locate(db: Db, postcode: string | null, outcode?: string) {
  if (postcode) {
    const unit = db.select().from(t.postcodes).where(eq(t.postcodes.postcode, postcode)).get();
    if (unit) return { latitude: unit.latitude, longitude: unit.longitude };
  }
  const district = outcode ?? postcode?.split(" ")[0];
  if (district) {
    const o = db.select().from(t.outcodes).where(eq(t.outcodes.outcode, district)).get();
    if (o) return { latitude: o.latitude, longitude: o.longitude };
  }
  throw new Error(`Sample data: cannot place postcode ${postcode ?? outcode}`);
}

/** First date on or after `from` that falls on one of the weekdays. */
function firstMatching(from: string, weekdays: number[]): string {
  for (let i = 0; i < 7; i++) {
    const d = addDays(from, i);
    if (weekdays.includes(isoWeekday(d))) return d;
  }
  return from;
}

export function seriesDates(s: DemoSeries, today: string): { startDate: string; endDate: string | null } {
  if (s.weekdays.length === 0) {
    const date = addDays(today, s.startInDays ?? 7);
    return { startDate: date, endDate: date };
  }
  if (s.weeks) {
    const startDate = firstMatching(addDays(today, s.startInDays ?? 0), s.weekdays);
    return { startDate, endDate: addDays(startDate, s.weeks * 7 - 1) };
  }
  return { startDate: addDays(today, s.startInDays ?? -28), endDate: null };
}

export function seedDemoData(db: Db, today: string) {
  db.transaction((tx) => {
    seedSessionTypes(db);
    const localityIds = new Map<string, number>();
    for (const la of DEMO_LOCAL_AUTHORITIES) {
      const { id: laId } = tx
        .insert(t.localAuthorities)
        .values({ slug: la.slug, name: la.name, gssCode: la.gssCode })
        .returning({ id: t.localAuthorities.id })
        .get();
      for (const term of la.terms)
        tx.insert(t.termDates)
          .values({ ...term, localAuthorityId: laId })
          .run();
      for (const loc of la.localities) {
        const centre = locate(db, null, loc.centreOutcode);
        const { id } = tx
          .insert(t.localities)
          .values({ slug: loc.slug, name: loc.name, description: loc.description, localAuthorityId: laId, ...centre })
          .returning({ id: t.localities.id })
          .get();
        localityIds.set(loc.slug, id);
      }
    }

    const venueIds = new Map<string, number>();
    for (const v of DEMO_VENUES) {
      const localityId = localityIds.get(v.locality);
      if (!localityId) throw new Error(`Sample venue ${v.slug}: unknown locality ${v.locality}`);
      const position = v.kind === "online" ? { latitude: null, longitude: null } : locate(db, v.postcode);
      const { id } = tx
        .insert(t.venues)
        .values({
          slug: v.slug,
          name: v.name,
          kind: v.kind,
          localityId,
          addressLine1: v.addressLine1,
          addressLine2: v.addressLine2 ?? "",
          town: v.town,
          postcode: v.postcode,
          ...position,
          phone: v.phone ?? "",
          email: v.email ?? "",
          description: v.description,
          openingHours: v.openingHours,
          facilities: v.facilities,
          stepFree: v.stepFree,
          accessNotes: v.accessNotes ?? "",
          travelNotes: v.travelNotes ?? "",
          isSample: true,
        })
        .returning({ id: t.venues.id })
        .get();
      venueIds.set(v.slug, id);
    }

    const typeIds = new Map(
      tx
        .select()
        .from(t.sessionTypes)
        .all()
        .map((r) => [r.slug, r.id]),
    );
    for (const s of DEMO_SERIES) {
      const venueId = venueIds.get(s.venue);
      const typeId = typeIds.get(s.type);
      if (!venueId || !typeId) throw new Error(`Sample series "${s.title}": unknown venue or type`);
      tx.insert(t.sessionSeries)
        .values({
          typeId,
          venueId,
          title: s.title,
          description: s.description,
          whatToBring: s.whatToBring ?? "",
          facilitator: s.facilitator ?? "",
          weekdays: s.weekdays.join(","),
          startTime: s.startTime,
          endTime: s.endTime,
          ...seriesDates(s, today),
          termTimeOnly: s.termTimeOnly,
          capacity: s.capacity,
          bookingMode: s.bookingMode,
          placeUnit: s.placeUnit,
          ageMinMonths: s.ageMinMonths,
          ageMaxMonths: s.ageMaxMonths,
          forPregnancy: s.forPregnancy,
          languages: s.languages.join(","),
          sendFriendly: s.sendFriendly,
          costPence: s.costPence,
          costNotes: s.costNotes ?? "",
          isSample: true,
        })
        .run();
    }
  });
}
