// Booking on a family's behalf, and the signposting log, against a real SQLite file.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { notifications } from "../../db/schema";
import { LINK_TOKEN, withManageLink } from "~/models/notification.server";
import { loader as hubLoader } from "~/routes/hubs.$slug";
import { loader as sessionLoader } from "~/routes/sessions.$id._index";
import { action as bookAction, loader as bookLoader } from "~/routes/sessions.$id.book/route";
import { action as signpostsAction, loader as signpostsLoader } from "~/routes/staff.signposts";
import { getDb } from "~/utils/db.server";
import { resetRateLimits } from "~/utils/rate-limit.server";
import { cookieFor, HUBS, ORIGIN, outcome, PEOPLE, type Person, staffRequest } from "./staff-helpers";
import { TEST_TODAY } from "../setup/constants";

const db = getDb();
beforeEach(() => resetRateLimits());

/** A per-session baby group at the sample staff's own hub, with a date still to come. */
const baby = db.$client
  .prepare(
    `SELECT s.id AS id, MIN(o.id) AS occurrenceId, s.venue_id AS venueId
       FROM session_series s
       JOIN venues v ON v.id = s.venue_id
       JOIN occurrences o ON o.series_id = s.id
      WHERE v.slug = ? AND s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.status = 'active'
        AND s.age_min_months = 0 AND s.age_max_months < 36 AND o.date > ? AND o.status = 'scheduled'
      GROUP BY s.id ORDER BY s.id LIMIT 1`,
  )
  .get(HUBS.own, TEST_TODAY) as { id: number; occurrenceId: number; venueId: number };
if (!baby) throw new Error(`No baby session at ${HUBS.own} in the sample data`);
// Many tests book it: make room so none of them meets "full" by accident.
db.$client.prepare("UPDATE session_series SET capacity = 500 WHERE id = ?").run(baby.id);

const userId = (person: keyof typeof PEOPLE) =>
  (db.$client.prepare("SELECT id FROM users WHERE email = ?").get(PEOPLE[person]) as { id: number }).id;

let counter = 0;
function form(values: Record<string, string>) {
  counter++;
  return {
    occurrence: String(baby.occurrenceId),
    child1: "6",
    adults: "1",
    name: "Samira",
    email: `family${counter}@example.org`,
    website: "",
    ...values,
  };
}

/** Posts the booking form as a browser would: signed in (with our Origin) or signed out. */
async function book(person: Person, values: Record<string, string>, options: { origin?: string | null; lng?: string } = {}) {
  const headers = new Headers();
  const cookie = await cookieFor(person);
  if (cookie) headers.set("Cookie", cookie);
  if (options.origin !== null) headers.set("Origin", options.origin ?? ORIGIN);
  const query = options.lng ? `?lng=${options.lng}` : "";
  return outcome(() =>
    bookAction({
      request: new Request(`${ORIGIN}/sessions/${baby.id}/book${query}`, { method: "POST", headers, body: new URLSearchParams(values) }),
      params: { id: String(baby.id) },
      context: {},
    }),
  );
}

function bookingAt(location: string | null) {
  const reference = new URL(location ?? "", ORIGIN).pathname.split("/")[2];
  return db.$client.prepare("SELECT * FROM bookings WHERE reference = ?").get(reference) as Record<string, unknown> & { id: number };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = async (response: Response) => (await response.json()) as any;

describe("booking on a family's behalf", () => {
  it("shows staff the on-behalf form, and only hub people the age override", async () => {
    const load = async (person: Person) => {
      const headers = new Headers();
      const cookie = await cookieFor(person);
      if (cookie) headers.set("Cookie", cookie);
      const res = await bookLoader({
        request: new Request(`${ORIGIN}/sessions/${baby.id}/book`, { headers }),
        params: { id: String(baby.id) },
        context: {},
      });
      return { data: await body(res), cacheControl: res.headers.get("Cache-Control") };
    };
    const signedOut = await load("signedOut");
    expect(signedOut.data.staff).toBeNull();
    const outreach = await load("outreach");
    expect(outreach.data.staff).toEqual({ name: expect.any(String), mayOverrideAge: false });
    expect(outreach.cacheControl).toContain("no-store");
    expect((await load("staff")).data.staff.mayOverrideAge).toBe(true);
    // Hub staff only at their own hubs.
    expect((await load("otherStaff")).data.staff.mayOverrideAge).toBe(false);
    expect((await load("admin")).data.staff.mayOverrideAge).toBe(true);
  });

  it("records who booked it and how, and tells the family in their language", async () => {
    const values = form({
      onBehalf: "1",
      familyAgreed: "yes",
      familyLanguage: "ur",
      phone: "07700 900456",
      accessNeeds: "Needs an interpreter",
    });
    const res = await book("outreach", values);
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/bookings\/FH-[2346789A-Z]{6}\?token=[A-Za-z0-9_-]+&new=1$/);
    const row = bookingAt(res.location);
    expect(row.status).toBe("confirmed");
    expect(row.source).toBe("staff");
    expect(row.created_by_user_id).toBe(userId("outreach"));
    expect(row.language).toBe("ur");
    expect(row.consent_at).toBeTruthy();

    // The confirmation goes to the family (not the worker), in Urdu, with the manage link.
    const email = db.$client
      .prepare("SELECT recipient, language, subject, body, template FROM notifications WHERE booking_id = ? AND channel = 'email'")
      .get(row.id) as { recipient: string; language: string; subject: string; body: string; template: string };
    expect(email.recipient).toBe(values.email);
    expect(email.template).toBe("confirmed");
    expect(email.language).toBe("ur");
    expect(email.subject).toMatch(/[\u0600-\u06FF]/);
    const token = new URL(res.location!, ORIGIN).searchParams.get("token")!;
    // The outbox keeps the link without its token; the token goes in as the message is sent.
    expect(email.body).toContain(`?token=${LINK_TOKEN}`);
    expect(email.body).not.toContain(token);
    const outgoing = db.select().from(notifications).where(eq(notifications.bookingId, row.id)).all();
    expect(outgoing.map((m) => withManageLink(db, m).body).every((body) => body.includes(`?token=${token}`))).toBe(true);
    const sms = db.$client.prepare("SELECT recipient FROM notifications WHERE booking_id = ? AND channel = 'sms'").get(row.id) as {
      recipient: string;
    };
    expect(sms.recipient).toBe("+447700900456");

    // Audited, without the family's details.
    const audit = db.$client
      .prepare("SELECT * FROM audit_log WHERE action = 'booking.on-behalf' AND entity_id = ?")
      .get(String(row.id)) as Record<string, unknown>;
    expect(audit).toBeTruthy();
    expect(audit.user_id).toBe(userId("outreach"));
    expect(audit.entity_type).toBe("booking");
    expect(audit.venue_id).toBe(baby.venueId);
    const after = JSON.parse(String(audit.after));
    expect(after).toMatchObject({ reference: row.reference, seriesId: baby.id, places: 1 });
    const text = JSON.stringify(audit);
    for (const secret of [values.email, "Samira", "900456", "interpreter", token]) expect(text).not.toContain(secret);
  });

  it("needs the family's agreement, by the field, keeping what was typed", async () => {
    const res = await book("outreach", form({ onBehalf: "1", accessNeeds: "Pram space" }));
    expect(res.status).toBe(400);
    const data = await body(res.response);
    expect(Object.keys(data.errors)).toEqual(["familyAgreed"]);
    expect(data.errors.familyAgreed).toContain("family has agreed");
    expect(data.values.accessNeeds).toBe("Pram space");
    expect(data.title).toMatch(/^Error: /);
  });

  it("refuses a language that is not offered, and reports every problem at once", async () => {
    const res = await book("outreach", form({ onBehalf: "1", familyLanguage: "xx", name: "", familyAgreed: "" }));
    expect(res.status).toBe(400);
    const data = await body(res.response);
    expect(Object.keys(data.errors).sort()).toEqual(["familyAgreed", "familyLanguage", "name"]);
    expect(data.errors.name).toContain("parent or carer");
  });

  it("refuses an on-behalf booking posted from another site", async () => {
    const before = (db.$client.prepare("SELECT COUNT(*) AS n FROM bookings").get() as { n: number }).n;
    const res = await book("outreach", form({ onBehalf: "1", familyAgreed: "yes" }), { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect((db.$client.prepare("SELECT COUNT(*) AS n FROM bookings").get() as { n: number }).n).toBe(before);
  });

  it("treats onBehalf from a signed-out person as an ordinary online booking", async () => {
    const refused = await book("signedOut", form({ onBehalf: "1", familyAgreed: "yes" }));
    expect(refused.status).toBe(400);
    expect(Object.keys((await body(refused.response)).errors)).toEqual(["consent"]);

    const res = await book("signedOut", form({ onBehalf: "1", familyAgreed: "yes", consent: "yes", familyLanguage: "ur" }));
    expect(res.status).toBe(302);
    const row = bookingAt(res.location);
    expect(row.source).toBe("online");
    expect(row.created_by_user_id).toBeNull();
    // The page's language, not a field meant for staff.
    expect(row.language).toBe("en");
    expect(
      db.$client.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ? AND action = 'booking.on-behalf'").get(String(row.id)),
    ).toEqual({ n: 0 });
  });

  it("lets hub staff at their hub, but not outreach, book a child outside the age range", async () => {
    const outside = { onBehalf: "1", familyAgreed: "yes", child1: "36", ageOverride: "yes" };
    const outreach = await book("outreach", form(outside));
    expect(outreach.status).toBe(400);
    expect((await body(outreach.response)).errors.child1).toContain("not for a child of this age");

    const elsewhere = await book("otherStaff", form(outside));
    expect(elsewhere.status).toBe(400);

    const withoutTick = await book("staff", form({ ...outside, ageOverride: "" }));
    expect(withoutTick.status).toBe(400);

    const res = await book("staff", form(outside));
    expect(res.status).toBe(302);
    const row = bookingAt(res.location);
    expect(row.source).toBe("staff");
    expect(row.created_by_user_id).toBe(userId("staff"));
    expect(JSON.parse(String(row.child_ages))).toEqual([36]);
    const audit = db.$client
      .prepare("SELECT after FROM audit_log WHERE action = 'booking.on-behalf' AND entity_id = ?")
      .get(String(row.id)) as { after: string };
    expect(JSON.parse(audit.after).ageOverride).toBe(true);
  });
});

describe("the signposting log", () => {
  const venue = db.$client
    .prepare("SELECT v.id AS id, v.slug AS slug, v.locality_id AS localityId FROM venues v WHERE v.slug = ?")
    .get(HUBS.own) as { id: number; slug: string; localityId: number };
  const typeSlug = (
    db.$client.prepare("SELECT t.slug AS slug FROM session_series s JOIN session_types t ON t.id = s.type_id WHERE s.id = ?").get(baby.id) as {
      slug: string;
    }
  ).slug;
  const count = () => (db.$client.prepare("SELECT COUNT(*) AS n FROM signposts").get() as { n: number }).n;
  const signpost = (person: Person, values: Record<string, string>) =>
    outcome(async () =>
      signpostsAction({ request: await staffRequest(person, "/staff/signposts", { form: values }), params: {}, context: {} }),
    );

  it("records a session signpost with no personal data and goes back to the page", async () => {
    const res = await signpost("outreach", { seriesId: String(baby.id), ageBand: "0-1", returnTo: `/sessions/${baby.id}` });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/sessions/${baby.id}?signposted=1#signpost`);
    const row = db.$client.prepare("SELECT * FROM signposts ORDER BY id DESC LIMIT 1").get() as Record<string, unknown>;
    expect(Object.keys(row).sort()).toEqual([
      "age_band",
      "created_at",
      "date",
      "id",
      "locality_id",
      "series_id",
      "type_slug",
      "user_id",
      "venue_id",
    ]);
    expect(row).toMatchObject({
      user_id: userId("outreach"),
      series_id: baby.id,
      venue_id: baby.venueId,
      type_slug: typeSlug,
      locality_id: venue.localityId,
      age_band: "0-1",
      date: TEST_TODAY,
    });
  });

  it("records a hub signpost without an age band, keeping the page's own query", async () => {
    const res = await signpost("staff", { venueId: String(venue.id), returnTo: `/hubs/${venue.slug}?week=2026-11-30&signposted=1` });
    expect(res.location).toBe(`/hubs/${venue.slug}?week=2026-11-30&signposted=1#signpost`);
    const row = db.$client.prepare("SELECT * FROM signposts ORDER BY id DESC LIMIT 1").get() as Record<string, unknown>;
    expect(row).toMatchObject({
      user_id: userId("staff"),
      series_id: null,
      venue_id: venue.id,
      type_slug: null,
      locality_id: venue.localityId,
      age_band: null,
      date: TEST_TODAY,
    });
  });

  it("refuses both or neither of a session and a hub, and a bad age band, writing nothing", async () => {
    const before = count();
    const refused: Record<string, string>[] = [
      { seriesId: String(baby.id), venueId: String(venue.id) },
      {},
      { seriesId: "", venueId: "" },
      { seriesId: "abc" },
      { seriesId: "999999" },
      { venueId: "-3" },
    ];
    for (const values of refused) {
      const res = await signpost("outreach", values);
      expect(res.status, JSON.stringify(values)).toBe(400);
      const data = await body(res.response);
      expect(Object.keys(data.errors)).toEqual(["form"]);
    }
    const badBand = await signpost("outreach", { seriesId: String(baby.id), ageBand: "teenager", returnTo: `/sessions/${baby.id}` });
    expect(badBand.status).toBe(400);
    const data = await body(badBand.response);
    expect(data.errors.ageBand).toContain("age band");
    expect(data.values).toMatchObject({ seriesId: String(baby.id), ageBand: "teenager" });
    expect(data.back).toBe(`/sessions/${baby.id}`);
    expect(count()).toBe(before);
  });

  it("only goes back to a session or hub page of this site", async () => {
    const unsafe = [
      "https://evil.example/sessions/1",
      "//evil.example/sessions/1",
      "/\\evil.example/sessions/1",
      "javascript:alert(1)",
      "/staff/users",
      "/sessions/../staff/users",
      "/hubs/%2e%2e/staff/users",
      "/sessions",
      "sessions/1",
      " /sessions/1",
      "",
    ];
    for (const returnTo of unsafe) {
      const res = await signpost("outreach", { venueId: String(venue.id), returnTo });
      expect(res.status, returnTo).toBe(302);
      expect(res.location, returnTo).toBe("/staff/signposts?signposted=1");
    }
  });

  it("needs a signed-in member of staff, and a form from our own pages", async () => {
    const before = count();
    const signedOut = await signpost("signedOut", { seriesId: String(baby.id) });
    expect(signedOut.location).toMatch(/^\/staff\/sign-in/);
    const crossSite = await outcome(async () =>
      signpostsAction({
        request: await staffRequest("outreach", "/staff/signposts", { form: { seriesId: String(baby.id) }, origin: "https://evil.example" }),
        params: {},
        context: {},
      }),
    );
    expect(crossSite.status).toBe(403);
    expect(count()).toBe(before);
  });

  it("lists the worker's own signposts, newest first, with this month's counts by type", async () => {
    db.$client.prepare("DELETE FROM signposts WHERE user_id = ?").run(userId("manager"));
    await signpost("manager", { venueId: String(venue.id) });
    await signpost("manager", { seriesId: String(baby.id), ageBand: "0-1" });
    await signpost("manager", { seriesId: String(baby.id) });
    await signpost("admin", { seriesId: String(baby.id) });
    const res = await outcome(async () =>
      signpostsLoader({ request: await staffRequest("manager", "/staff/signposts?signposted=1"), params: {}, context: {} }),
    );
    const data = await body(res.response);
    expect(data.signposted).toBe(true);
    expect(data.recent).toHaveLength(3);
    expect(data.recent[0].target).toEqual({ kind: "session", name: expect.any(String), href: `/sessions/${baby.id}` });
    expect(data.recent[0].ageBand).toBeNull();
    expect(data.recent[1].ageBand).toBe("0-1");
    expect(data.recent[2].target).toEqual({ kind: "hub", name: expect.any(String), href: `/hubs/${venue.slug}` });
    expect(data.thisMonth).toEqual([
      { typeSlug, count: 2 },
      { typeSlug: null, count: 1 },
    ]);
  });

  it("offers the button on session and hub pages only to signed-in staff", async () => {
    const session = async (person: Person) =>
      body(await sessionLoader({ request: await staffRequest(person, `/sessions/${baby.id}`), params: { id: String(baby.id) }, context: {} }));
    const hub = async (person: Person) =>
      body(await hubLoader({ request: await staffRequest(person, `/hubs/${venue.slug}`), params: { slug: venue.slug }, context: {} }));
    expect((await session("signedOut")).staff).toBe(false);
    expect((await session("outreach")).staff).toBe(true);
    expect((await hub("signedOut")).staff).toBe(false);
    expect((await hub("outreach")).staff).toBe(true);
  });
});
