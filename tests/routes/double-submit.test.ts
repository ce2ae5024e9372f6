// Issue 14: a double tap on "Book" is harmless. The form carries a one-time key; the same form sent
// twice makes one booking, and both sends land on that booking's confirmation.
import { beforeEach, describe, expect, it } from "vitest";
import { loader as manageLoader } from "~/routes/bookings.$reference._index";
import { action as bookAction, loader as bookLoader } from "~/routes/sessions.$id.book/route";
import { getDb } from "~/utils/db.server";
import { resetRateLimits } from "~/utils/rate-limit.server";
import { TEST_TODAY } from "../setup/constants";

const db = getDb();
beforeEach(() => resetRateLimits());

const session = db.$client
  .prepare(
    `SELECT s.id AS id, MIN(o.id) AS occurrenceId FROM session_series s JOIN occurrences o ON o.series_id = s.id
      WHERE s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.age_min_months = 0 AND o.date > ? AND o.status = 'scheduled'
      GROUP BY s.id ORDER BY s.id LIMIT 1`,
  )
  .get(TEST_TODAY) as { id: number; occurrenceId: number };

async function formKey(): Promise<string> {
  const res = await bookLoader({
    request: new Request(`http://localhost/sessions/${session.id}/book`),
    params: { id: String(session.id) },
    context: {},
  });
  expect(res.headers.get("Cache-Control")).toContain("no-store");
  return ((await res.json()) as { submission: string }).submission;
}

function post(values: Record<string, string>) {
  return bookAction({
    request: new Request(`http://localhost/sessions/${session.id}/book`, { method: "POST", body: new URLSearchParams(values) }),
    params: { id: String(session.id) },
    context: {},
  });
}

const bookingsFor = (contact: string) =>
  (db.$client.prepare("SELECT reference FROM bookings WHERE email = ? OR phone = ?").all(contact, contact) as { reference: string }[]).map(
    (r) => r.reference,
  );

async function confirmationOf(location: string) {
  const url = new URL(location, "http://localhost");
  const res = await manageLoader({ request: new Request(url), params: { reference: url.pathname.split("/")[2] }, context: {} });
  return res.json();
}

describe("the same booking form sent twice", () => {
  it("makes one booking and shows both sends the same confirmation", async () => {
    const submission = await formKey();
    expect(submission).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    const values = {
      submission,
      occurrence: String(session.occurrenceId),
      child1: "6",
      adults: "1",
      name: "Amina",
      contact: "twice@example.org",
      consent: "yes",
      website: "",
    };
    const [first, second] = [await post(values), await post(values)];
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(bookingsFor("twice@example.org")).toHaveLength(1);
    const [a, b] = [await confirmationOf(first.headers.get("Location")!), await confirmationOf(second.headers.get("Location")!)];
    expect(b).toEqual(a);
    expect(a.justBooked).toBe(true);
  });

  it("treats a fresh form from the same family as a new attempt (the neutral 'check your messages')", async () => {
    const values = {
      occurrence: String(session.occurrenceId),
      child1: "6",
      adults: "1",
      name: "Bola",
      contact: "07700 900111",
      consent: "yes",
      website: "",
    };
    expect((await post({ ...values, submission: await formKey() })).status).toBe(302);
    const again = await post({ ...values, submission: await formKey() });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { notice?: string }).notice).toBe("check-messages");
    expect(bookingsFor("+447700900111")).toHaveLength(1);
  });

  it("never shows one family another's booking when a key is reused with other details", async () => {
    const submission = await formKey();
    const base = { submission, occurrence: String(session.occurrenceId), child1: "6", adults: "1", consent: "yes", website: "" };
    const first = await post({ ...base, name: "Chen", contact: "chen@example.org" });
    const other = await post({ ...base, name: "Dee", contact: "dee@example.org" });
    expect(other.status).toBe(302);
    expect(other.headers.get("Location")).not.toBe(first.headers.get("Location"));
    expect(bookingsFor("dee@example.org")).toHaveLength(1);
  });
});
