// Several server processes share one outbox (WEB_CONCURRENCY, decision 018): each message is
// claimed by one of them before it is sent, so a family never gets the same message twice, and a
// claim whose sender died lapses so the message still goes. Two connections to one real SQLite
// file stand for two processes.
import { inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import * as t from "../../db/schema";
import { CLAIM_MS, claimMessage, deliverPending } from "~/models/notification.server";
import { getDb } from "~/utils/db.server";

const one = getDb();
const other = openDatabase(process.env.DATABASE_PATH as string);
afterAll(() => other.$client.close());

type Message = typeof t.notifications.$inferSelect;

function queue(count: number, label: string): number[] {
  // Everything pending from earlier tests is sent first, so only these messages are in play.
  one.update(t.notifications).set({ status: "sent" }).run();
  const rows = Array.from({ length: count }, (_, i) => ({
    channel: "email" as const,
    recipient: `claims-${label}-${i}@example.org`,
    template: "confirmation",
    language: "en",
    subject: "Your booking",
    body: `Message ${label} ${i}`,
  }));
  return one
    .insert(t.notifications)
    .values(rows)
    .returning({ id: t.notifications.id })
    .all()
    .map((r) => r.id);
}

/** A transport that takes a turn of the event loop per message, as a real one does, and records what it was given. */
function slowTransport(into: Message[]) {
  return async (m: Message) => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    into.push(m);
  };
}

describe("message delivery from two processes", () => {
  it("sends each message once when both deliver at the same moment", async () => {
    const ids = queue(30, "race");
    const sentByOne: Message[] = [];
    const sentByOther: Message[] = [];
    const [a, b] = await Promise.all([deliverPending(one, slowTransport(sentByOne)), deliverPending(other, slowTransport(sentByOther))]);
    const all = [...sentByOne, ...sentByOther].map((m) => m.id).sort((x, y) => x - y);
    expect(all).toEqual(ids);
    expect(a + b).toBe(30);
    // Both really ran: the test would not show a race if one of them found nothing to do.
    expect(sentByOne.length).toBeGreaterThan(0);
    expect(sentByOther.length).toBeGreaterThan(0);
    const rows = one.select().from(t.notifications).where(inArray(t.notifications.id, ids)).all();
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1 && r.claimedUntil === null)).toBe(true);
  });

  it("lets only one process claim a message, until the claim lapses", () => {
    const [id] = queue(1, "claim");
    const now = "2026-11-24T09:00:00.000Z";
    expect(claimMessage(one, id, now)).toBe(true);
    expect(claimMessage(other, id, now)).toBe(false);
    const later = new Date(Date.parse(now) + CLAIM_MS - 1000).toISOString();
    expect(claimMessage(other, id, later)).toBe(false);
    // The first sender died: after the claim lapses, the message is another's to send.
    const lapsed = new Date(Date.parse(now) + CLAIM_MS + 1000).toISOString();
    expect(claimMessage(other, id, lapsed)).toBe(true);
  });

  it("never claims a message already sent", () => {
    const [id] = queue(1, "sent");
    one.update(t.notifications).set({ status: "sent" }).run();
    expect(claimMessage(other, id, new Date().toISOString())).toBe(false);
  });

  it("tries a failed message again, claimed afresh", async () => {
    const [id] = queue(1, "retry");
    const failing = async () => {
      throw new Error("transport down");
    };
    await deliverPending(one, failing);
    const afterFailure = one
      .select()
      .from(t.notifications)
      .all()
      .find((r) => r.id === id)!;
    expect(afterFailure).toMatchObject({ status: "pending", attempts: 1, claimedUntil: null });
    const sent: Message[] = [];
    await deliverPending(other, slowTransport(sent));
    expect(sent.map((m) => m.id)).toEqual([id]);
  });
});
