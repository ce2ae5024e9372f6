// Family voice against a real SQLite file: the day-after ask (once per booking, in the family's
// language, no token at rest), the one-use feedback link (only its booking, only once), the hub's
// own feedback page (errors in the family's language, honeypot), staff at another hub (cannot read,
// tag or answer), publishing "you said, we did" (one message per family who asked, in their
// language, none twice, contact wiped), the public pages and retention.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { addDays } from "~/domain/dates";
import { createBooking } from "~/models/booking.server";
import { ensureInvite, hubThemes, purgeExpiredFeedbackContacts, queueFeedbackAsks, submitFeedback } from "~/models/feedback.server";
import { listOutbox } from "~/models/outbox.server";
import { markAttendance } from "~/models/register.server";
import { action as bookingFeedbackAction, loader as bookingFeedbackLoader } from "~/routes/bookings.$reference.feedback";
import { loader as hubLoader } from "~/routes/hubs.$slug";
import { action as hubFeedbackAction } from "~/routes/hubs.$slug_.feedback";
import { loader as printLoader } from "~/routes/hubs.$slug_.timetable.print";
import { loader as localityLoader } from "~/routes/localities.$slug";
import { action as detailAction, loader as detailLoader } from "~/routes/staff.feedback.$id";
import { loader as listLoader } from "~/routes/staff.feedback._index";
import { action as publishAction } from "~/routes/staff.hubs.$slug.you-said-we-did";
import { getDb } from "~/utils/db.server";
import { resetRateLimits } from "~/utils/rate-limit.server";
import { feedbackToken, manageToken } from "~/utils/secrets.server";
import { TEST_NOW, TEST_TODAY } from "../setup/constants";
import { HUBS, ORIGIN, outcome, type Person, PEOPLE, staffRequest } from "./staff-helpers";

const clock = vi.hoisted(() => ({ at: null as Date | null }));
vi.mock("~/utils/env.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/utils/env.server")>();
  return { ...actual, now: () => clock.at ?? actual.now() };
});

const db = getDb();
const NOW = { date: TEST_TODAY, time: "08:00", iso: TEST_NOW };
const venueId = (slug: string) => (db.$client.prepare("SELECT id FROM venues WHERE slug = ?").get(slug) as { id: number }).id;
const userId = (email: string) => (db.$client.prepare("SELECT id FROM users WHERE email = ?").get(email) as { id: number }).id;

/** A per-session series at the hub and its next date after today. */
function nextDate(slug: string) {
  return db.$client
    .prepare(
      `SELECT s.id AS seriesId, o.id AS occurrenceId, o.date AS date FROM session_series s
         JOIN venues v ON v.id = s.venue_id JOIN occurrences o ON o.series_id = s.id
        WHERE v.slug = ? AND s.booking_mode = 'per-session' AND s.status = 'active' AND o.status = 'scheduled' AND o.date > ?
        ORDER BY o.date, s.id LIMIT 1`,
    )
    .get(slug, TEST_TODAY) as { seriesId: number; occurrenceId: number; date: string };
}

let counter = 0;
function book(slot: { seriesId: number; occurrenceId: number }, contact: { email?: string; phone?: string }, language = "en") {
  counter++;
  const made = createBooking(
    db,
    {
      seriesId: slot.seriesId,
      occurrenceId: slot.occurrenceId,
      childAges: [14],
      adults: 1,
      name: `Family ${counter}`,
      email: contact.email ?? null,
      phone: contact.phone ?? null,
      accessNeeds: "",
      language,
      joinWaitingList: true,
      maxChildren: 4,
      allowAgeOverride: true,
    },
    NOW,
  );
  if (made.kind !== "confirmed") throw new Error(`Could not book: ${made.kind}`);
  return made;
}

/** Marks the booking attended on its date, with the clock at midday that day (the register opens on the day). */
function attend(slot: { occurrenceId: number; date: string }, bookingId: number) {
  clock.at = new Date(`${slot.date}T12:00:00Z`);
  try {
    expect(markAttendance(db, { id: userId(PEOPLE.staff) }, slot.occurrenceId, bookingId, "attended").kind).toBe("ok");
  } finally {
    clock.at = null;
  }
}

const RATED = { rating: "4", good: "Lovely songs", better: "More seats please", hearBack: "no" };

function publicPost(path: string, form: Record<string, string>) {
  return new Request(`${ORIGIN}${path}`, { method: "POST", body: new URLSearchParams(form) });
}

function feedbackAt(
  slug: string,
  language: string,
  contact: { method: "email"; email: string } | { method: "sms"; phone: string } | null,
  better = "The room was too cold",
) {
  const saved = submitFeedback(
    db,
    {
      venueId: venueId(slug),
      seriesId: null,
      rating: 2,
      good: "",
      better,
      wishType: "stay-and-play",
      wishDay: "sat",
      wishTime: "morning",
      wishNotes: "",
      ageBand: "1-2",
      language,
      contact,
    },
    TEST_NOW,
  );
  if (saved.kind !== "saved") throw new Error(saved.kind);
  return saved.id;
}

async function call(
  handler: (args: never) => Promise<unknown>,
  person: Person,
  path: string,
  params: Record<string, string>,
  form?: Record<string, string>,
) {
  const request = await staffRequest(person, path, { form });
  return outcome(() => (handler as (a: unknown) => Promise<unknown>)({ request, params, context: {} }));
}

beforeEach(() => resetRateLimits());

describe("asking for feedback the day after", () => {
  it("asks once per booking marked attended, in the family's language, with no token stored", () => {
    const slot = nextDate(HUBS.own);
    const came = book(slot, { email: `came-${Date.now()}@example.org` }, "ur");
    const stayedAway = book(slot, { email: `away-${Date.now()}@example.org` });
    attend(slot, came.bookingId);
    const dayAfter = addDays(slot.date, 1);
    expect(queueFeedbackAsks(db, slot.date, TEST_NOW)).toBe(0);
    expect(queueFeedbackAsks(db, dayAfter, TEST_NOW)).toBe(1);
    expect(queueFeedbackAsks(db, dayAfter, TEST_NOW)).toBe(0);
    expect(queueFeedbackAsks(db, addDays(dayAfter, 1), TEST_NOW)).toBe(0);
    const asks = db.$client.prepare("SELECT booking_id, language, body FROM notifications WHERE template = 'feedback-ask'").all() as {
      booking_id: number;
      language: string;
      body: string;
    }[];
    expect(asks.map((a) => a.booking_id)).toEqual([came.bookingId]);
    expect(asks[0].language).toBe("ur");
    expect(asks[0].body).toContain(`/bookings/${came.reference}/feedback?token={feedback-token}`);
    expect(asks[0].body).not.toContain(feedbackToken(db, came.reference));
    expect(asks[0].body).toContain("رائے");
    const invite = db.$client.prepare("SELECT token_hash FROM feedback_invites WHERE booking_id = ?").get(stayedAway.bookingId);
    expect(invite).toBeUndefined();
  });
});

describe("asking after a course", () => {
  it("asks the day after the course's last date, register or not, and once", () => {
    const course = db.$client
      .prepare(
        `SELECT s.id AS seriesId, min(o.date) AS first, max(o.date) AS last FROM session_series s JOIN occurrences o ON o.series_id = s.id
          WHERE s.booking_mode = 'course' AND s.status = 'active' AND o.status = 'scheduled' GROUP BY s.id HAVING min(o.date) > ? ORDER BY s.id LIMIT 1`,
      )
      .get(TEST_TODAY) as { seriesId: number; first: string; last: string };
    const made = createBooking(
      db,
      {
        seriesId: course.seriesId,
        occurrenceId: null,
        childAges: [14],
        adults: 1,
        name: "Course family",
        email: `course-${Date.now()}@example.org`,
        phone: null,
        accessNeeds: "",
        language: "bn",
        joinWaitingList: true,
        maxChildren: 4,
        allowAgeOverride: true,
      },
      NOW,
    );
    expect(made.kind).toBe("confirmed");
    const id = made.kind === "confirmed" ? made.bookingId : 0;
    const asked = () => db.$client.prepare("SELECT language FROM notifications WHERE template = 'feedback-ask' AND booking_id = ?").all(id);
    queueFeedbackAsks(db, course.last, TEST_NOW);
    expect(asked()).toEqual([]);
    queueFeedbackAsks(db, addDays(course.last, 1), TEST_NOW);
    queueFeedbackAsks(db, addDays(course.last, 2), TEST_NOW);
    expect(asked()).toEqual([{ language: "bn" }]);
  });
});

describe("the printed timetable", () => {
  it("carries a QR code to the hub's feedback page, in the page's language", async () => {
    const res = await outcome(() =>
      printLoader({ request: new Request(`${ORIGIN}/hubs/${HUBS.own}/timetable/print?lng=pl`), params: { slug: HUBS.own }, context: {} }),
    );
    const data = (await res.response.json()) as { feedback: { url: string; qr: string } };
    expect(data.feedback.url).toMatch(new RegExp(`/hubs/${HUBS.own}/feedback\\?lng=pl$`));
    expect(data.feedback.qr).toMatch(/^<svg/);
  });
});

describe("the one-use feedback link", () => {
  it("works once, and only for its own booking", async () => {
    const slot = nextDate(HUBS.own);
    const a = book(slot, { email: `a-${Date.now()}@example.org` });
    const b = book(slot, { email: `b-${Date.now()}@example.org` });
    ensureInvite(db, { id: a.bookingId, reference: a.reference }, TEST_NOW);
    ensureInvite(db, { id: b.bookingId, reference: b.reference }, TEST_NOW);
    const tokenA = feedbackToken(db, a.reference);
    const open = (reference: string, token: string) =>
      outcome(() =>
        bookingFeedbackLoader({
          request: new Request(`${ORIGIN}/bookings/${reference}/feedback?token=${token}`),
          params: { reference },
          context: {},
        }),
      );

    // A's token does not open B's form, nor does the manage link's token open A's.
    expect((await open(b.reference, tokenA)).status).toBe(404);
    expect((await open(a.reference, manageToken(db, a.reference))).status).toBe(404);
    expect((await open(a.reference, "x".repeat(32))).status).toBe(404);
    const first = await open(a.reference, tokenA);
    expect(first.status).toBe(200);
    expect(((await first.response.json()) as { state: string }).state).toBe("open");

    const post = (reference: string, token: string) =>
      outcome(() =>
        bookingFeedbackAction({
          request: publicPost(`/bookings/${reference}/feedback?token=${token}`, RATED),
          params: { reference },
          context: {},
        }),
      );
    expect((await post(b.reference, tokenA)).status).toBe(404);
    const sent = await post(a.reference, tokenA);
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/bookings/${a.reference}/feedback?sent=1`);
    const again = await post(a.reference, tokenA);
    expect(again.status).toBe(302);
    const rows = db.$client.prepare("SELECT booking_id, rating, better FROM feedback WHERE booking_id IN (?, ?)").all(a.bookingId, b.bookingId);
    expect(rows).toEqual([{ booking_id: a.bookingId, rating: 4, better: "More seats please" }]);
    expect(((await (await open(a.reference, tokenA)).response.json()) as { state: string }).state).toBe("used");
    // B's own link still works.
    expect(((await (await open(b.reference, feedbackToken(db, b.reference))).response.json()) as { state: string }).state).toBe("open");
    // Past the retention period the link stops working, like the manage link.
    db.$client.prepare("UPDATE bookings SET redacted_at = ? WHERE id = ?").run(TEST_NOW, b.bookingId);
    expect((await open(b.reference, feedbackToken(db, b.reference))).status).toBe(404);
  });
});

describe("the hub's own feedback page", () => {
  it("explains what is wrong in the family's language, and refuses a filled honeypot", async () => {
    const path = `/hubs/${HUBS.own}/feedback?lng=ur`;
    const missing = await outcome(() =>
      hubFeedbackAction({ request: publicPost(path, { good: "x", hearBack: "email" }), params: { slug: HUBS.own }, context: {} }),
    );
    expect(missing.status).toBe(400);
    const { errors } = (await missing.response.json()) as { errors: Record<string, string> };
    expect(errors.rating).toBe("چنیں کہ یہ کیسا رہا");
    expect(errors.email).toBe("اپنا ای میل پتہ لکھیں، یا جواب پانے کا کوئی اور طریقہ چنیں");
    const tooLong = await outcome(() =>
      hubFeedbackAction({ request: publicPost(path, { ...RATED, better: "x".repeat(1201) }), params: { slug: HUBS.own }, context: {} }),
    );
    expect(tooLong.status).toBe(400);
    const bot = await outcome(() =>
      hubFeedbackAction({ request: publicPost(path, { ...RATED, website: "spam" }), params: { slug: HUBS.own }, context: {} }),
    );
    expect(bot.status).toBe(400);
    const before = (db.$client.prepare("SELECT count(*) AS n FROM feedback").get() as { n: number }).n;
    const ok = await outcome(() =>
      hubFeedbackAction({
        request: publicPost(path, { ...RATED, hearBack: "sms", phone: "07700 900456" }),
        params: { slug: HUBS.own },
        context: {},
      }),
    );
    expect(ok.location).toBe(`/hubs/${HUBS.own}/feedback?sent=1`);
    const saved = db.$client.prepare("SELECT venue_id, language, contact_method, contact_phone FROM feedback ORDER BY id DESC LIMIT 1").get();
    expect(saved).toEqual({ venue_id: venueId(HUBS.own), language: "ur", contact_method: "sms", contact_phone: "+447700900456" });
    expect((db.$client.prepare("SELECT count(*) AS n FROM feedback").get() as { n: number }).n).toBe(before + 1);
  });
});

describe("staff at another hub", () => {
  it("cannot read, tag or answer a hub's feedback", async () => {
    const id = String(feedbackAt(HUBS.own, "en", { method: "email", email: "private@example.org" }));
    const theme = hubThemes(db, venueId(HUBS.own))[0];
    expect((await call(detailLoader, "otherStaff", `/staff/feedback/${id}`, { id })).status).toBe(403);
    expect((await call(detailAction, "otherStaff", `/staff/feedback/${id}`, { id }, { intent: "tag", themes: String(theme.id) })).status).toBe(
      403,
    );
    expect((await call(detailAction, "otherStaff", `/staff/feedback/${id}`, { id }, { intent: "hide" })).status).toBe(403);
    const list = await call(listLoader, "otherStaff", "/staff/feedback", {});
    const rows = ((await list.response.json()) as { rows: { id: number }[] }).rows;
    expect(rows.map((r) => String(r.id))).not.toContain(id);
    const publish = { intent: "publish", theme: String(theme.id), feedback: id, said: "Cold", did: "Heating fixed", didOn: TEST_TODAY };
    expect((await call(publishAction, "otherStaff", `/staff/hubs/${HUBS.own}/you-said-we-did`, { slug: HUBS.own }, publish)).status).toBe(403);
    // Nor can a manager answer another hub's feedback from their own hub's page.
    const otherTheme = hubThemes(db, venueId(HUBS.other))[0];
    const foreign = String(feedbackAt(HUBS.other, "en", null));
    const crossed = await call(
      publishAction,
      "manager",
      `/staff/hubs/${HUBS.own}/you-said-we-did`,
      { slug: HUBS.own },
      { ...publish, feedback: foreign },
    );
    expect(crossed.status).toBe(400);
    expect(
      (
        await call(
          publishAction,
          "manager",
          `/staff/hubs/${HUBS.own}/you-said-we-did`,
          { slug: HUBS.own },
          { ...publish, theme: String(otherTheme.id) },
        )
      ).status,
    ).toBe(400);
    expect(db.$client.prepare("SELECT count(*) AS n FROM notifications WHERE template = 'we-did'").get()).toEqual({ n: 0 });
    // The own hub's staff can read it.
    const own = await call(detailLoader, "staff", `/staff/feedback/${id}`, { id });
    expect(own.status).toBe(200);
    expect(JSON.stringify(await own.response.json())).not.toContain("private@example.org");
  });

  it("hides abusive text for good, keeping it in the table", async () => {
    const id = String(feedbackAt(HUBS.own, "en", null, "Something abusive"));
    expect((await call(detailAction, "staff", `/staff/feedback/${id}`, { id }, { intent: "hide" })).location).toBe(
      `/staff/feedback/${id}?done=hidden`,
    );
    const page = await (await call(detailLoader, "staff", `/staff/feedback/${id}`, { id })).response.text();
    expect(page).not.toContain("Something abusive");
    const list = await (await call(listLoader, "manager", "/staff/feedback", {})).response.text();
    expect(list).not.toContain("Something abusive");
    expect(list).toContain("The room was too cold");
    expect(db.$client.prepare("SELECT better FROM feedback WHERE id = ?").get(id)).toEqual({ better: "Something abusive" });
    const audit = db.$client.prepare("SELECT action FROM audit_log WHERE entity_type = 'feedback' AND entity_id = ?").all(id);
    expect(audit).toEqual([{ action: "feedback.hide" }]);
  });
});

describe('publishing "you said, we did"', () => {
  it("tells each family who asked exactly once, in their language, then deletes their contact", async () => {
    db.$client.prepare("DELETE FROM notifications WHERE template = 'we-did'").run();
    const urdu = feedbackAt(HUBS.own, "ur", { method: "email", email: "urdu.parent@example.org" });
    const polish = feedbackAt(HUBS.own, "pl", { method: "sms", phone: "+447700900321" });
    const quiet = feedbackAt(HUBS.own, "en", null);
    const theme = hubThemes(db, venueId(HUBS.own)).find((th) => th.label === "The building")!;
    for (const id of [urdu, polish, quiet]) {
      const tagged = await call(
        detailAction,
        "staff",
        `/staff/feedback/${id}`,
        { id: String(id) },
        { intent: "tag", themes: String(theme.id) },
      );
      expect(tagged.status).toBe(302);
    }
    const form = new URLSearchParams({
      intent: "publish",
      theme: String(theme.id),
      said: "The hall was cold",
      did: "We fixed the heating",
      didOn: TEST_TODAY,
    });
    for (const id of [urdu, polish, quiet]) form.append("feedback", String(id));
    const request = await staffRequest("manager", `/staff/hubs/${HUBS.own}/you-said-we-did`, { form: Object.fromEntries(form) });
    // staffRequest takes a plain object: post the repeated "feedback" field as a browser does.
    const repeated = new Request(request.url, { method: "POST", headers: request.headers, body: form });
    const published = await outcome(() => publishAction({ request: repeated, params: { slug: HUBS.own }, context: {} }));
    expect(published.location).toBe(`/staff/hubs/${HUBS.own}/you-said-we-did?done=published&told=2`);

    const sent = db.$client
      .prepare(
        "SELECT feedback_id, channel, recipient, language, body, venue_id FROM notifications WHERE template = 'we-did' ORDER BY feedback_id",
      )
      .all() as { feedback_id: number; channel: string; recipient: string; language: string; body: string; venue_id: number }[];
    expect(sent.map((m) => [m.feedback_id, m.channel, m.recipient, m.language])).toEqual([
      [urdu, "email", "urdu.parent@example.org", "ur"],
      [polish, "sms", "+447700900321", "pl"],
    ]);
    expect(sent[0].body).toContain("آپ نے کہا: The hall was cold");
    expect(sent[1].body).toContain("Zrobilismy: We fixed the heating");
    const contacts = db.$client.prepare("SELECT contact_email, contact_phone, told_at FROM feedback WHERE id IN (?, ?)").all(urdu, polish) as {
      contact_email: string | null;
      contact_phone: string | null;
      told_at: string | null;
    }[];
    expect(contacts.every((c) => c.contact_email === null && c.contact_phone === null && c.told_at !== null)).toBe(true);

    // The manager's outbox shows them, though no booking is behind them; another hub's staff's does not.
    const manager = {
      id: userId(PEOPLE.manager),
      email: PEOPLE.manager,
      name: "Manager",
      role: "hub-manager" as const,
      venueIds: [venueId(HUBS.own)],
    };
    expect(listOutbox(db, manager, { template: "we-did", page: 1 }).total).toBe(2);
    const other = {
      id: userId(PEOPLE.otherStaff),
      email: PEOPLE.otherStaff,
      name: "Other",
      role: "hub-staff" as const,
      venueIds: [venueId(HUBS.other)],
    };
    expect(listOutbox(db, other, { template: "we-did", page: 1 }).total).toBe(0);

    // A second entry answering the same feedback tells nobody again.
    form.set("did", "We also added rugs");
    const second = new Request(request.url, { method: "POST", headers: request.headers, body: form });
    expect((await outcome(() => publishAction({ request: second, params: { slug: HUBS.own }, context: {} }))).location).toContain("told=0");
    expect((db.$client.prepare("SELECT count(*) AS n FROM notifications WHERE template = 'we-did'").get() as { n: number }).n).toBe(2);

    // The hub page shows it, newest first, marked as English content; the count (3) reads "fewer than 5".
    const hub = (await (
      await outcome(() => hubLoader({ request: new Request(`${ORIGIN}/hubs/${HUBS.own}?lng=ur`), params: { slug: HUBS.own }, context: {} }))
    ).response.json()) as {
      youSaid: { said: string; lang: string; families: { suppressed: boolean } }[];
    };
    expect(hub.youSaid[0]).toMatchObject({ said: "The hall was cold", lang: "en", families: { suppressed: true } });
    const locality = db.$client
      .prepare("SELECT l.slug FROM localities l JOIN venues v ON v.locality_id = l.id WHERE v.slug = ?")
      .get(HUBS.own) as { slug: string };
    const area = (await (
      await outcome(() =>
        localityLoader({ request: new Request(`${ORIGIN}/localities/${locality.slug}`), params: { slug: locality.slug }, context: {} }),
      )
    ).response.json()) as {
      youSaid: { did: string }[];
    };
    expect(area.youSaid.map((e) => e.did)).toContain("We fixed the heating");
  });
});

describe("retention", () => {
  it("wipes a feedback's contact and its messages on the bookings' schedule, keeping the rating and text", () => {
    const id = feedbackAt(HUBS.own, "en", { method: "email", email: "keep.for.now@example.org" });
    expect(purgeExpiredFeedbackContacts(db, new Date(TEST_NOW), 12)).toBe(0);
    const later = new Date("2028-01-01T00:00:00Z");
    expect(purgeExpiredFeedbackContacts(db, later, 12)).toBeGreaterThan(0);
    expect(db.$client.prepare("SELECT contact_email, rating, better FROM feedback WHERE id = ?").get(id)).toEqual({
      contact_email: null,
      rating: 2,
      better: "The room was too cold",
    });
    expect(purgeExpiredFeedbackContacts(db, later, 12)).toBe(0);
  });
});
