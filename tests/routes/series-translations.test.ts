// A hub's own translation of a series' title and description: saved by the hub's staff only, shown
// on the session page, the results and the family's messages in that language, and nowhere else.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { TEST_TODAY } from "../setup/constants";
import { createBooking } from "~/models/booking.server";
import { renderBookingMessage } from "~/models/notification.server";
import { loader as searchLoader } from "~/routes/search/route";
import { loader as sessionLoader } from "~/routes/sessions.$id._index";
import { action as translationsAction, loader as translationsLoader } from "~/routes/staff.series.$id_.translations";
import { getDb } from "~/utils/db.server";
import { HUBS, outcome, staffRequest } from "./staff-helpers";

const NOW = { date: TEST_TODAY, time: "08:00", iso: `${TEST_TODAY}T08:00:00.000Z` };
const db = getDb();
const slot = db.$client
  .prepare(
    `SELECT o.id AS occurrenceId, s.id AS seriesId, s.title, s.age_min_months AS min FROM occurrences o
     JOIN session_series s ON s.id = o.series_id JOIN venues v ON v.id = s.venue_id
     WHERE v.slug = ? AND s.booking_mode = 'per-session' AND s.status = 'active' AND o.status = 'scheduled'
       AND o.date > ? AND s.age_min_months IS NOT NULL ORDER BY o.date, s.id LIMIT 1`,
  )
  .get(HUBS.own, TEST_TODAY) as { occurrenceId: number; seriesId: number; title: string; min: number };
const id = String(slot.seriesId);
const path = `/staff/series/${id}/translations`;
const URDU_TITLE = "بچے اور میں";
const URDU_TEXT = "گانے، کہانیاں اور کھیل، بچوں اور ان کے بڑوں کے لیے۔";

async function publicLoader(loader: (args: LoaderFunctionArgs) => Promise<Response>, url: string, params: Record<string, string> = {}) {
  const response = await loader({ request: new Request(`http://localhost${url}`), params, context: {} });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await response.json()) as any;
}

describe("translations of a series", () => {
  it("refuses a description without a title, and a title that is too long, by the field and in the page's language", async () => {
    const missing = await outcome(async () =>
      translationsAction({
        request: await staffRequest("staff", path, { form: { "description-ur": URDU_TEXT } }),
        params: { id },
        context: {},
      }),
    );
    expect(missing.status).toBe(400);
    const body = (await missing.response.json()) as { errors: Record<string, string>; values: Record<string, string> };
    expect(body.errors["title-ur"]).toBe("Enter a translated title, or clear the description");
    // Nothing typed is lost.
    expect(body.values["description-ur"]).toBe(URDU_TEXT);

    const long = await outcome(async () =>
      translationsAction({
        request: await staffRequest("staff", `${path}?lng=pl`, { form: { "title-pl": "x".repeat(121) } }),
        params: { id },
        context: {},
      }),
    );
    expect(long.status).toBe(400);
    expect(((await long.response.json()) as { errors: Record<string, string> }).errors["title-pl"]).toBe("Tytuł może mieć najwyżej 120 znaków");
    expect(db.$client.prepare("SELECT count(*) AS n FROM series_translations WHERE series_id = ?").get(slot.seriesId)).toEqual({ n: 0 });
  });

  it("is saved by the hub's own staff, with an audit entry that names only the languages", async () => {
    const saved = await outcome(async () =>
      translationsAction({
        request: await staffRequest("staff", path, { form: { "title-ur": URDU_TITLE, "description-ur": URDU_TEXT, "title-pl": "" } }),
        params: { id },
        context: {},
      }),
    );
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`${path}?done=saved`);
    const page = await outcome(async () => translationsLoader({ request: await staffRequest("staff", path), params: { id }, context: {} }));
    const data = (await page.response.json()) as { values: Record<string, string> };
    expect(data.values["title-ur"]).toBe(URDU_TITLE);
    expect(data.values["title-pl"]).toBe("");
    const log = db.$client.prepare("SELECT after FROM audit_log WHERE action = 'series.translations' ORDER BY id DESC").get() as {
      after: string;
    };
    expect(JSON.parse(log.after)).toEqual({ languages: ["ur"] });
  });

  it("is shown to an Urdu reader on the session page and in the results, and the English stays for everyone else", async () => {
    const ur = await publicLoader(sessionLoader, `/sessions/${id}?lng=ur`, { id });
    expect(ur.translation).toEqual({ title: URDU_TITLE, description: URDU_TEXT });
    expect(ur.title).toContain(URDU_TITLE);
    const en = await publicLoader(sessionLoader, `/sessions/${id}?lng=en`, { id });
    expect(en.translation).toBeNull();
    expect(en.title).toContain(slot.title);
    const pl = await publicLoader(sessionLoader, `/sessions/${id}?lng=pl`, { id });
    expect(pl.translation).toBeNull();

    const results = await publicLoader(searchLoader, `/search?locality=erdington&lng=ur`);
    const cards = [...results.outcome.results, ...results.outcome.online] as { seriesId: number; title: string; translated: boolean }[];
    const card = cards.find((c) => c.seriesId === slot.seriesId);
    expect(card).toMatchObject({ title: URDU_TITLE, translated: true });
    expect(cards.filter((c) => c.seriesId !== slot.seriesId).every((c) => !c.translated)).toBe(true);
  });

  it("names the session in the family's language in their messages", () => {
    const booked = (lng: string, n: number) => {
      const o = createBooking(
        db,
        {
          seriesId: slot.seriesId,
          occurrenceId: slot.occurrenceId,
          childAges: [slot.min],
          adults: 1,
          name: "Amina",
          email: `translation-${n}@example.org`,
          phone: null,
          accessNeeds: "",
          language: lng,
          joinWaitingList: true,
          maxChildren: 4,
        },
        NOW,
      );
      if (o.kind !== "confirmed" && o.kind !== "waiting") throw new Error(o.kind);
      return o.bookingId;
    };
    const urdu = renderBookingMessage(db, booked("ur", 1), "confirmed").messages[0].body;
    expect(urdu).toContain(URDU_TITLE);
    const english = renderBookingMessage(db, booked("en", 2), "confirmed").messages[0].body;
    expect(english).toContain(slot.title);
    expect(english).not.toContain(URDU_TITLE);
  });
});
