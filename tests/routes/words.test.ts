// The smaller things a family notices (issue 15): each against the real sample database.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { DEMO_SERIES } from "../../db/seed/demo-series";
import { TEST_TODAY } from "../setup/constants";
import { distanceWording } from "~/domain/distance";
import { LANGUAGES } from "~/i18n";
import { createBooking } from "~/models/booking.server";
import { renderBookingMessage } from "~/models/notification.server";
import { topUpOccurrences, topUpStart } from "~/models/occurrence-generation.server";
import { loader as cancelLoader } from "~/routes/bookings.$reference.cancel";
import { loader as printLoader } from "~/routes/hubs.$slug_.timetable.print";
import { loader as searchLoader } from "~/routes/search/route";
import { getDb } from "~/utils/db.server";
import { formatNumber } from "~/utils/format";
import { titleMeta } from "~/utils/meta";
import { translatorFor } from "~/utils/translate.server";

const NOW = { date: TEST_TODAY, time: "08:00", iso: `${TEST_TODAY}T08:00:00.000Z` };

async function call(loader: (args: LoaderFunctionArgs) => Promise<Response>, path: string, params: Record<string, string> = {}) {
  const response = await loader({ request: new Request(`http://localhost${path}`), params, context: {} });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, data: (await response.json()) as any };
}

let made = 0;
/** A booking on the first bookable date of a per-session series at Erdington, in `lng`. */
function book(lng: string) {
  const db = getDb();
  const slot = db.$client
    .prepare(
      `SELECT o.id AS occurrenceId, s.id AS seriesId, s.age_min_months AS min, o.date FROM occurrences o
       JOIN session_series s ON s.id = o.series_id JOIN venues v ON v.id = s.venue_id
       WHERE v.slug = 'erdington-family-hub' AND s.booking_mode = 'per-session' AND o.status = 'scheduled'
         AND o.date > ? AND s.age_min_months IS NOT NULL ORDER BY o.date LIMIT 1`,
    )
    .get(TEST_TODAY) as { occurrenceId: number; seriesId: number; min: number; date: string };
  made++;
  const outcome = createBooking(
    db,
    {
      seriesId: slot.seriesId,
      occurrenceId: slot.occurrenceId,
      childAges: [slot.min],
      adults: 1,
      name: "Amina",
      email: `words-${made}@example.org`,
      phone: `+447700900${String(100 + made)}`,
      accessNeeds: "",
      language: lng,
      joinWaitingList: true,
      maxChildren: 4,
    },
    NOW,
  );
  if (outcome.kind !== "confirmed" && outcome.kind !== "waiting") throw new Error(outcome.kind);
  return { ...outcome, date: slot.date };
}

describe("words a family reads", () => {
  it('a full date says it is full, never "There are only 0 places left"', () => {
    for (const lng of LANGUAGES) {
      const text = translatorFor(lng)("booking:form.fullTitle", { count: 0 });
      expect(text, lng).not.toMatch(/\b0\b/);
      expect(text, lng).not.toBe(translatorFor(lng)("booking:form.fullTitle", { count: 5 }));
    }
  });

  it("a cancelled date's text message has one full stop after the staff's reason (no \"Sorry.. Ref\")", () => {
    const { bookingId, reference } = book("en");
    const { messages } = renderBookingMessage(getDb(), bookingId, "session-cancelled", { extra: { reason: "Roof leak." } });
    const sms = messages.find((m) => m.channel === "sms")!.body;
    expect(sms).toContain(`: Roof leak. Ref ${reference}.`);
    expect(sms).not.toContain("..");
  });

  it("in Urdu and Arabic messages the reference and the English title read left to right", () => {
    for (const lng of ["ur", "ar"]) {
      const { bookingId, reference } = book(lng);
      const { messages } = renderBookingMessage(getDb(), bookingId, "confirmed");
      for (const m of messages) expect(m.body, `${lng} ${m.channel}`).toContain(`\u2066${reference}\u2069`);
    }
    const { bookingId, reference } = book("pl");
    for (const m of renderBookingMessage(getDb(), bookingId, "confirmed").messages) {
      expect(m.body).toContain(reference);
      expect(m.body).not.toMatch(/[\u2066-\u2069]/);
    }
  });

  it("the cancel page names the date being cancelled", async () => {
    const booking = book("en");
    const { status, data } = await call(cancelLoader, `/bookings/${booking.reference}/cancel?token=${booking.token}`, {
      reference: booking.reference,
    });
    expect(status).toBe(200);
    expect(data.dates.map((d: { date: string }) => d.date)).toEqual([booking.date]);
  });

  it('the on-behalf form speaks to the worker about the child, not about "your child"', () => {
    const t = translatorFor("en");
    expect(t("booking:form.accessNeedsHint")).toContain("your child");
    expect(t("booking:form.accessNeedsHintOnBehalf")).not.toContain("your child");
  });

  it('a postcode at the hub itself reads "Less than 0.1 miles away", never "0.0 miles away"', () => {
    for (const lng of LANGUAGES) {
      const t = translatorFor(lng);
      for (const miles of [0, 0.02]) {
        const d = distanceWording(miles);
        const text = t(`common:${d.key}`, { count: d.miles, formatted: formatNumber(d.miles, lng, 1) });
        expect(text, lng).not.toContain(formatNumber(0, lng, 1));
        expect(text, lng).toContain(formatNumber(0.1, lng, 1));
      }
    }
    expect(distanceWording(2.34)).toEqual({ key: "session.miles", miles: 2.3 });
  });

  for (const postcode of ["SW1A 1AA", "EH1 1YZ"]) {
    it(`a search from ${postcode} says which areas the site covers`, async () => {
      const { status, data } = await call(searchLoader, `/search?postcode=${encodeURIComponent(postcode)}`);
      expect(status).toBe(200);
      expect(data.outsideCoverage.areas).toEqual(expect.arrayContaining(["Birmingham", "Coventry", "Leicestershire"]));
      expect(data.outsideCoverage.nearestMiles).toBeGreaterThan(25);
    });
  }

  it("a search from inside the areas is not told it is outside them", async () => {
    const { data } = await call(searchLoader, "/search?postcode=B23+6SY");
    expect(data.outsideCoverage).toBeNull();
  });

  it("the sample data's current week has its sessions on the days before today too", async () => {
    const week = "2026-W48"; // Monday 23 November; the tests' today is Tuesday 24 November.
    const before = await call(printLoader, `/hubs/erdington-family-hub/timetable/print?week=${week}`, { slug: "erdington-family-hub" });
    const monday = (data: { print: { days: { date: string; sessions: unknown[] }[] } }) =>
      data.print.days.find((d) => d.date === "2026-11-23")!.sessions.length;
    expect(topUpStart(TEST_TODAY, false)).toBe(TEST_TODAY);
    topUpOccurrences(getDb(), topUpStart(TEST_TODAY, true), 12);
    const after = await call(printLoader, `/hubs/erdington-family-hub/timetable/print?week=${week}`, { slug: "erdington-family-hub" });
    expect(monday(before.data)).toBe(0);
    expect(monday(after.data)).toBeGreaterThan(0);
  });

  it("SEND is explained in English where it first appears", () => {
    const t = translatorFor("en");
    for (const key of ["common:types.send", "search:form.send", "venue:session.send", "venue:typeAbout.send"]) {
      expect(t(key), key).toMatch(/special educational needs and disabilities/);
    }
  });

  it("the sample text is free of idioms a new English reader would not know", () => {
    const text = DEMO_SERIES.map((s) => `${s.title} ${s.description} ${s.whatToBring ?? ""} ${s.costNotes ?? ""}`).join("\n");
    expect(text).not.toMatch(/tummy time|cuppa|a brew\b|natter/i);
  });

  it("every page has a meta description, its own or the service's", () => {
    const matches = [{ id: "root", data: { description: "Find sessions" } }];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const meta = (data: unknown) => titleMeta({ data, matches } as any);
    expect(meta({ title: "Hubs" })).toEqual([{ title: "Hubs" }, { name: "description", content: "Find sessions" }]);
    expect(meta({ title: "A hub", description: "Its own" })).toContainEqual({ name: "description", content: "Its own" });
    for (const lng of LANGUAGES) expect(translatorFor(lng)("common:layout.description").length, lng).toBeGreaterThan(40);
  });
});
