// The booking, manage and cancel routes against a real SQLite file.
import { and, eq, like } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { notifications } from "../../db/schema";
import { smsEncoding } from "~/domain/share";
import { createBooking } from "~/models/booking.server";
import { LINK_TOKEN, withManageLink } from "~/models/notification.server";
import { searchSeries } from "~/models/search.server";
import { loader as manageLoader } from "~/routes/bookings.$reference._index";
import { loader as calendarLoader } from "~/routes/bookings.$reference.calendar[.ics]";
import { action as cancelAction, loader as cancelLoader } from "~/routes/bookings.$reference.cancel";
import { loader as sessionLoader } from "~/routes/sessions.$id._index";
import { action as bookAction, loader as bookLoader } from "~/routes/sessions.$id.book/route";
import { getDb } from "~/utils/db.server";
import { resetRateLimits } from "~/utils/rate-limit.server";
import { TEST_TODAY } from "../setup/constants";
import { cookieFor, type Person } from "./staff-helpers";

const db = getDb();
beforeEach(() => resetRateLimits());

function series(where: string) {
  return db.$client
    .prepare(
      `SELECT s.id AS id, s.capacity AS capacity, MIN(o.id) AS occurrenceId
         FROM session_series s JOIN occurrences o ON o.series_id = s.id
        WHERE ${where} AND o.date > ? AND o.status = 'scheduled'
        GROUP BY s.id ORDER BY s.id LIMIT 1`,
    )
    .get(TEST_TODAY) as { id: number; capacity: number; occurrenceId: number };
}

const babySession = series("s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.age_min_months = 0 AND s.age_max_months = 11");
const course = series("s.booking_mode = 'course'");
const dropIn = series("s.booking_mode = 'drop-in'");
// Many tests book this session: give it room so none of them meets "full" by accident.
db.$client.prepare("UPDATE session_series SET capacity = 500 WHERE id = ?").run(babySession.id);

let counter = 0;
function form(values: Record<string, string>) {
  counter++;
  return {
    occurrence: String(babySession.occurrenceId),
    child1: "6",
    adults: "1",
    name: "Amina",
    email: `amina${counter}@example.org`,
    consent: "yes",
    website: "",
    ...values,
  };
}

async function book(seriesId: number, values: Record<string, string>, lng = "en", person: Person = "signedOut") {
  const body = new URLSearchParams(values);
  const headers = new Headers();
  const cookie = await cookieFor(person);
  if (cookie) headers.set("Cookie", cookie);
  if (cookie) headers.set("Origin", "http://localhost");
  const response = await bookAction({
    request: new Request(`http://localhost/sessions/${seriesId}/book?lng=${lng}`, { method: "POST", body, headers }),
    params: { id: String(seriesId) },
    context: {},
  });
  return response;
}

function linkFrom(response: Response) {
  const location = response.headers.get("Location") ?? "";
  const url = new URL(location, "http://localhost");
  return { reference: url.pathname.split("/")[2], token: url.searchParams.get("token") ?? "", location };
}

async function json(response: Response) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (await response.json()) as any;
}

describe("booking a place", () => {
  it("confirms, redirects to the confirmation with a manage link, and queues the message", async () => {
    const response = await book(babySession.id, form({ phone: "07700 900123" }));
    expect(response.status).toBe(302);
    const { reference, token, location } = linkFrom(response);
    expect(reference).toMatch(/^FH-[2346789A-Z]{6}$/);
    expect(location).toContain("new=1");
    const row = db.$client.prepare("SELECT * FROM bookings WHERE reference = ?").get(reference) as Record<string, unknown>;
    expect(row.status).toBe("confirmed");
    expect(row.places).toBe(1);
    expect(row.phone).toBe("+447700900123");
    // Only a hash of the token is stored.
    expect(row.token_hash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    const messages = db.$client.prepare("SELECT channel, template, body FROM notifications WHERE booking_id = ?").all(row.id) as {
      channel: string;
      template: string;
      body: string;
    }[];
    expect(messages.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    // The outbox keeps the link without its token (filled in at send time: tests/routes/secrets.test.ts).
    expect(messages.every((m) => m.template === "confirmed" && m.body.includes(`/bookings/${reference}?token=${LINK_TOKEN}`))).toBe(true);
    expect(messages.some((m) => m.body.includes(token))).toBe(false);
    // An English text goes as plain GSM-7 (160 characters a message), not Unicode (70).
    const sms = messages.find((m) => m.channel === "sms")!.body;
    expect(smsEncoding(sms)).toBe("gsm7");
    expect(sms).toMatch(/\d:\d{2}(am|pm) - \d{1,2}:\d{2}(am|pm)/);

    const page = await manageLoader({ request: new Request(`http://localhost${location}`), params: { reference }, context: {} });
    const data = await json(page);
    expect(data.booking.status).toBe("confirmed");
    expect(data.justBooked).toBe(true);
    expect(page.headers.get("Cache-Control")).toContain("no-store");
  });

  it("gives each mistake a message by its field, keeping what was typed", async () => {
    const response = await book(babySession.id, {
      occurrence: "",
      child1: "",
      adults: "9",
      name: "",
      email: "not-an-email",
      phone: "01632 960000",
      consent: "",
      accessNeeds: "Wheelchair user",
    });
    expect(response.status).toBe(400);
    const data = await json(response);
    expect(Object.keys(data.errors).sort()).toEqual(["adults", "child1", "consent", "email", "name", "occurrence", "phone"].sort());
    expect(data.errors.phone).toContain("UK mobile");
    expect(data.values.accessNeeds).toBe("Wheelchair user");
    expect(data.title).toMatch(/^Error: /);
  });

  it("asks for an email or a mobile number", async () => {
    const data = await json(await book(babySession.id, form({ email: "" })));
    expect(data.errors.email).toContain("email address or a UK mobile number");
  });

  it("refuses a child outside the session's age range", async () => {
    const response = await book(babySession.id, form({ child1: "36" }));
    expect(response.status).toBe(400);
    expect((await json(response)).errors.child1).toContain("not for a child of this age");
  });

  it("never books the same contact twice, and never says that the contact has booked", async () => {
    const values = form({ phone: "07700 900777" });
    expect((await book(babySession.id, values)).status).toBe(302);
    const count = () =>
      (
        db.$client
          .prepare("SELECT COUNT(*) AS n FROM bookings WHERE occurrence_id = ? AND (email = ? OR phone = '+447700900777')")
          .get(babySession.occurrenceId, values.email) as { n: number }
      ).n;
    // The same email, or only the same mobile number: the same neutral answer, and no second booking.
    for (const again of [
      { ...values, child1: "3" },
      { ...values, email: "someone.else@example.org" },
      { ...values, waitlist: "1" },
    ]) {
      const response = await book(babySession.id, again);
      expect(response.status).toBe(200);
      const data = await json(response);
      expect(data.notice).toBe("check-messages");
      expect(data.errors).toEqual({});
      expect(data.title).not.toMatch(/^Error/);
      expect(JSON.stringify(data)).not.toMatch(/already booked/i);
    }
    expect(count()).toBe(1);
  });

  it("tells hub staff plainly that the family has booked, but not outreach workers", async () => {
    const values = form({ phone: "07700 900778" });
    expect((await book(babySession.id, values)).status).toBe(302);
    const staffValues = { ...values, onBehalf: "1", familyAgreed: "yes", familyLanguage: "en" };
    // An admin works at every hub and may see its register anyway.
    const admin = await book(babySession.id, staffValues, "en", "admin");
    expect(admin.status).toBe(409);
    expect((await json(admin)).errors.email).toMatch(/already booked/);
    // Outreach workers see no registers: they get the family's neutral answer.
    const outreach = await book(babySession.id, staffValues, "en", "outreach");
    expect(outreach.status).toBe(200);
    expect((await json(outreach)).notice).toBe("check-messages");
    const n = db.$client.prepare("SELECT COUNT(*) AS n FROM bookings WHERE email = ?").get(values.email) as { n: number };
    expect(n.n).toBe(1);
  });

  it("answers a full date the same to a contact that has booked it and one that has not", async () => {
    // Not the sessions the other tests fill or keep open.
    const other = series(`s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.id <> ${babySession.id} AND s.age_min_months = 0`);
    const target = series(
      `s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.age_min_months = 0 AND s.id NOT IN (${babySession.id}, ${other.id})`,
    );
    db.$client.prepare("UPDATE session_series SET capacity = 1 WHERE id = ?").run(target.id);
    const booked = form({ occurrence: String(target.occurrenceId), child1: "3" });
    expect((await book(target.id, booked)).status).toBe(302);

    const again = await book(target.id, { ...booked });
    const stranger = await book(target.id, { ...booked, email: "not.booked@example.org" });
    expect(again.status).toBe(409);
    expect(stranger.status).toBe(again.status);
    const [a, b] = [await json(again), await json(stranger)];
    // Only the echo of what each typed differs.
    expect({ ...a, values: undefined }).toEqual({ ...b, values: undefined });
    expect(a.full).toEqual({ placesLeft: 0 });
    expect(JSON.stringify(a)).not.toMatch(/already booked/i);

    // Asking to wait with the booked contact still makes no second booking.
    const wait = await book(target.id, { ...booked, waitlist: "1" });
    expect((await json(wait)).notice).toBe("check-messages");
    const n = db.$client.prepare("SELECT COUNT(*) AS n FROM bookings WHERE email = ?").get(booked.email) as { n: number };
    expect(n.n).toBe(1);
  });

  it("offers the waiting list when full, then joins it without losing the form", async () => {
    const target = series(`s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.id <> ${babySession.id} AND s.age_min_months = 0`);
    db.$client.prepare("UPDATE session_series SET capacity = 1 WHERE id = ?").run(target.id);
    const base = { occurrence: String(target.occurrenceId), child1: "3" };
    expect((await book(target.id, form(base))).status).toBe(302);

    const values = form(base);
    const full = await book(target.id, values);
    expect(full.status).toBe(409);
    const data = await json(full);
    expect(data.full.placesLeft).toBe(0);
    expect(data.values.name).toBe("Amina");

    const waiting = await book(target.id, { ...values, waitlist: "1" });
    expect(waiting.status).toBe(302);
    const { reference, token } = linkFrom(waiting);
    const row = db.$client.prepare("SELECT status FROM bookings WHERE reference = ?").get(reference) as { status: string };
    expect(row.status).toBe("waiting");

    // The first family cancels: the waiting family is confirmed and told, in one step.
    const first = db.$client
      .prepare("SELECT reference FROM bookings WHERE occurrence_id = ? AND status = 'confirmed'")
      .get(target.occurrenceId) as { reference: string };
    // The link the first family was sent, as the transport delivers it.
    const firstMessage = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.template, "confirmed"), like(notifications.body, `%${first.reference}%`)))
      .get()!;
    const firstToken = withManageLink(db, firstMessage).body.match(/token=([A-Za-z0-9_-]+)/)![1];
    const cancel = await cancelAction({
      request: new Request(`http://localhost/bookings/${first.reference}/cancel`, {
        method: "POST",
        body: new URLSearchParams({ token: firstToken }),
      }),
      params: { reference: first.reference },
      context: {},
    });
    expect(cancel.status).toBe(302);
    const after = db.$client.prepare("SELECT status FROM bookings WHERE reference = ?").get(reference) as { status: string };
    expect(after.status).toBe("confirmed");
    const told = db.$client
      .prepare(
        "SELECT COUNT(*) AS n FROM notifications n JOIN bookings b ON b.id = n.booking_id WHERE b.reference = ? AND n.template = 'promoted'",
      )
      .get(reference) as { n: number };
    expect(told.n).toBe(1);
    expect(token).toBeTruthy();
  });

  it("enrols on a whole course", async () => {
    const ages = db.$client.prepare("SELECT age_min_months AS a, place_unit AS u FROM session_series WHERE id = ?").get(course.id) as {
      a: number | null;
      u: string;
    };
    const response = await book(course.id, form({ occurrence: "", child1: String(ages.a ?? 6) }));
    expect(response.status).toBe(302);
    const { reference } = linkFrom(response);
    const row = db.$client.prepare("SELECT occurrence_id, series_id FROM bookings WHERE reference = ?").get(reference) as {
      occurrence_id: number | null;
      series_id: number;
    };
    expect(row.occurrence_id).toBeNull();
    expect(row.series_id).toBe(course.id);
  });

  it("says a drop-in needs no booking", async () => {
    const response = await book(dropIn.id, form({ occurrence: String(dropIn.occurrenceId) }));
    expect(response.status).toBe(400);
    expect((await json(response)).errors.form).toContain("drop-in");
  });

  it("writes the family's messages in the language they booked in", async () => {
    const response = await book(babySession.id, form({}), "ur");
    const { reference } = linkFrom(response);
    const m = db.$client
      .prepare("SELECT n.language, n.subject FROM notifications n JOIN bookings b ON b.id = n.booking_id WHERE b.reference = ?")
      .get(reference) as { language: string; subject: string };
    expect(m.language).toBe("ur");
    expect(m.subject).toMatch(/[\u0600-\u06FF]/);
  });

  it("limits how fast one client can post bookings", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const body = new URLSearchParams(form({}));
      const res = await bookAction({
        request: new Request(`http://localhost/sessions/${babySession.id}/book`, {
          method: "POST",
          body,
          headers: { "X-Forwarded-For": "203.0.113.9" },
        }),
        params: { id: String(babySession.id) },
        context: {},
      });
      statuses.push(res.status);
    }
    // Route tests run with TRUST_PROXY=true (tests/setup/db-setup.ts), so the address counts.
    expect(statuses.slice(0, 10).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe("managing a booking", () => {
  async function newBooking() {
    const { reference, token } = linkFrom(await book(babySession.id, form({})));
    return { reference, token };
  }

  it("treats a wrong or missing token exactly like a booking that does not exist", async () => {
    const { reference } = await newBooking();
    for (const url of [
      `/bookings/${reference}?token=wrongwrongwrongwrongwrong`,
      `/bookings/${reference}`,
      `/bookings/FH-AAAAAA?token=wrongwrongwrongwrongwrong`,
    ]) {
      const thrown = await manageLoader({
        request: new Request(`http://localhost${url}`),
        params: { reference: url.split("/")[2].split("?")[0] },
        context: {},
      }).catch((e) => e);
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
    }
  });

  it("cancels after a confirmation step and then shows it as cancelled", async () => {
    const { reference, token } = await newBooking();
    const confirm = await json(
      await cancelLoader({
        request: new Request(`http://localhost/bookings/${reference}/cancel?token=${token}`),
        params: { reference },
        context: {},
      }),
    );
    expect(confirm.status).toBe("confirmed");
    const res = await cancelAction({
      request: new Request(`http://localhost/bookings/${reference}/cancel`, { method: "POST", body: new URLSearchParams({ token }) }),
      params: { reference },
      context: {},
    });
    expect(res.status).toBe(302);
    const page = await json(
      await manageLoader({
        request: new Request(`http://localhost/bookings/${reference}?token=${token}&cancelled=1`),
        params: { reference },
        context: {},
      }),
    );
    expect(page.booking.status).toBe("cancelled");
    const templates = db.$client
      .prepare("SELECT n.template FROM notifications n JOIN bookings b ON b.id = n.booking_id WHERE b.reference = ? ORDER BY n.id")
      .all(reference) as { template: string }[];
    expect(templates.map((t) => t.template)).toEqual(["confirmed", "cancelled"]);
  });

  it("offers a calendar file in London time", async () => {
    const { reference, token } = await newBooking();
    const res = await calendarLoader({
      request: new Request(`http://localhost/bookings/${reference}/calendar.ics?token=${token}`),
      params: { reference },
      context: {},
    });
    expect(res.headers.get("Content-Type")).toContain("text/calendar");
    const text = await res.text();
    expect(text).toContain("BEGIN:VEVENT");
    const occ = db.$client.prepare("SELECT date, start_time FROM occurrences WHERE id = ?").get(babySession.occurrenceId) as {
      date: string;
      start_time: string;
    };
    // November is GMT, so London wall-clock time equals UTC.
    expect(text).toContain(`DTSTART:${occ.date.replace(/-/g, "")}T${occ.start_time.replace(":", "")}00Z`);
  });

  it("shows the booking form for a session", async () => {
    const res = await bookLoader({
      request: new Request(`http://localhost/sessions/${babySession.id}/book?occurrence=${babySession.occurrenceId}`),
      params: { id: String(babySession.id) },
      context: {},
    });
    const data = await json(res);
    expect(data.selected).toBe(babySession.occurrenceId);
    expect(data.dates.length).toBeGreaterThan(0);
  });
});

/** A scheduled date of the series a week before the test clock: it has started (and ended). */
function pastDate(seriesId: number) {
  const date = "2026-11-17";
  const { changes } = db.$client
    .prepare(
      `INSERT OR IGNORE INTO occurrences (series_id, date, start_time, end_time)
       SELECT id, ?, start_time, end_time FROM session_series WHERE id = ?`,
    )
    .run(date, seriesId);
  db.$client.prepare("UPDATE occurrences SET status = 'scheduled' WHERE series_id = ? AND date = ?").run(seriesId, date);
  const { id } = db.$client.prepare("SELECT id FROM occurrences WHERE series_id = ? AND date = ?").get(seriesId, date) as { id: number };
  return { id, inserted: changes > 0 };
}

const BEFORE = { date: "2026-11-10", time: "09:00", iso: "2026-11-10T09:00:00.000Z" };

function enrol(seriesId: number, occurrenceId: number | null, email: string, joinWaitingList = false) {
  const outcome = createBooking(
    db,
    {
      seriesId,
      occurrenceId,
      childAges: [6],
      adults: 1,
      name: "Parent",
      email,
      phone: null,
      accessNeeds: "",
      language: "en",
      joinWaitingList,
      maxChildren: 4,
      allowAgeOverride: true,
    },
    BEFORE,
  );
  if (outcome.kind !== "confirmed" && outcome.kind !== "waiting") throw new Error(`Could not book: ${outcome.kind}`);
  return outcome;
}

async function tryCancel(reference: string, token: string) {
  const request = new Request(`http://localhost/bookings/${reference}/cancel`, { method: "POST", body: new URLSearchParams({ token }) });
  return cancelAction({ request, params: { reference }, context: {} });
}

async function manage(reference: string, token: string) {
  return json(
    await manageLoader({ request: new Request(`http://localhost/bookings/${reference}?token=${token}`), params: { reference }, context: {} }),
  );
}

function promotedCount(bookingId: number) {
  return (
    db.$client.prepare("SELECT COUNT(*) AS n FROM notifications WHERE booking_id = ? AND template = 'promoted'").get(bookingId) as { n: number }
  ).n;
}

describe("a date that has started", () => {
  it("refuses cancelling a booking on a past date through an old link, and promotes nobody", async () => {
    const target = series(`s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.id <> ${babySession.id}`);
    const occurrenceId = pastDate(target.id).id;
    const capacity = (db.$client.prepare("SELECT capacity FROM session_series WHERE id = ?").get(target.id) as { capacity: number }).capacity;
    db.$client.prepare("UPDATE session_series SET capacity = 1 WHERE id = ?").run(target.id);
    try {
      const first = enrol(target.id, occurrenceId, "past.first@example.org");
      const waiting = enrol(target.id, occurrenceId, "past.waiting@example.org", true);
      expect(waiting.kind).toBe("waiting");

      const page = await manage(first.reference, first.token);
      expect(page.mayCancel).toBe(false);
      const confirm = await json(
        await cancelLoader({
          request: new Request(`http://localhost/bookings/${first.reference}/cancel?token=${first.token}`),
          params: { reference: first.reference },
          context: {},
        }),
      );
      expect(confirm.mayCancel).toBe(false);

      const res = await tryCancel(first.reference, first.token);
      expect(res.status).toBe(409);
      expect((await json(res)).error).toContain("can no longer be cancelled");
      const statuses = db.$client.prepare("SELECT id, status FROM bookings WHERE occurrence_id = ? ORDER BY id").all(occurrenceId);
      expect(statuses).toEqual([
        { id: first.bookingId, status: "confirmed" },
        { id: waiting.bookingId, status: "waiting" },
      ]);
      expect(promotedCount(waiting.bookingId)).toBe(0);
      // Leaving the waiting list of a past date is refused too.
      expect((await tryCancel(waiting.reference, waiting.token)).status).toBe(409);
    } finally {
      db.$client.prepare("UPDATE session_series SET capacity = ? WHERE id = ?").run(capacity, target.id);
    }
  });

  it("still offers cancelling a date to come", async () => {
    const { reference, token } = linkFrom(await book(babySession.id, form({})));
    expect((await manage(reference, token)).mayCancel).toBe(true);
  });

  it("closes a course once its first date has started: not offered, not bookable, not cancellable", async () => {
    const started = series(`s.booking_mode = 'course' AND s.id <> ${course.id}`);
    const ages = db.$client.prepare("SELECT age_min_months AS a FROM session_series WHERE id = ?").get(started.id) as { a: number | null };
    // Enrolled before the course began…
    const enrolled = enrol(started.id, null, "course.before@example.org");
    const past = pastDate(started.id);
    try {
      // …and now its first date is past.
      const session = await json(
        await sessionLoader({
          request: new Request(`http://localhost/sessions/${started.id}`),
          params: { id: String(started.id) },
          context: {},
        }),
      );
      expect(session.courseStarted).toBe(true);
      expect(session.occurrences.length).toBeGreaterThan(0);
      expect(session.occurrences.every((o: { bookable: boolean }) => !o.bookable)).toBe(true);

      const formPage = await json(
        await bookLoader({
          request: new Request(`http://localhost/sessions/${started.id}/book`),
          params: { id: String(started.id) },
          context: {},
        }),
      );
      expect(formPage.started).toBe(true);
      expect(formPage.dates).toEqual([]);

      const res = await book(started.id, form({ occurrence: "", child1: String(ages.a ?? 6) }));
      expect(res.status).toBe(409);
      expect((await json(res)).errors.occurrence).toContain("already started");

      const found = searchSeries(db, { origin: null, maxMiles: null, page: 1, today: TEST_TODAY, nowTime: "08:00" });
      expect([...found.results, ...found.online].map((r) => r.seriesId)).not.toContain(started.id);

      expect((await manage(enrolled.reference, enrolled.token)).mayCancel).toBe(false);
      expect((await tryCancel(enrolled.reference, enrolled.token)).status).toBe(409);
    } finally {
      if (past.inserted) db.$client.prepare("DELETE FROM occurrences WHERE id = ?").run(past.id);
    }
    // A course that has not started is still offered and bookable.
    const open = await json(
      await sessionLoader({ request: new Request(`http://localhost/sessions/${course.id}`), params: { id: String(course.id) }, context: {} }),
    );
    expect(open.courseStarted).toBe(false);
    expect(open.occurrences.some((o: { bookable: boolean }) => o.bookable)).toBe(true);
  });
});
