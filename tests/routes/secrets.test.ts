// Manage-link tokens stay out of the database and the logs, and a real installation cannot start
// without its own SECRET. Against a real SQLite file.
import { Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import type * as t from "../../db/schema";
import { deliverPending, LINK_TOKEN, scrubStoredTokens } from "~/models/notification.server";
import { loader as manageLoader } from "~/routes/bookings.$reference._index";
import { action as bookAction } from "~/routes/sessions.$id.book/route";
import { loader as outboxLoader } from "~/routes/staff.outbox";
import { getDb } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { createLogger, redactTokens } from "~/utils/logger.server";
import { resetRateLimits } from "~/utils/rate-limit.server";
import { manageToken } from "~/utils/secrets.server";
import { TEST_TODAY } from "../setup/constants";
import { outcome, staffRequest } from "./staff-helpers";

const db = getDb();

const session = db.$client
  .prepare(
    `SELECT s.id AS id, MIN(o.id) AS occurrenceId
       FROM session_series s JOIN occurrences o ON o.series_id = s.id
       JOIN venues v ON v.id = s.venue_id
      WHERE s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.age_min_months = 0 AND s.age_max_months = 11
        AND o.date > ? AND o.status = 'scheduled'
      GROUP BY s.id ORDER BY s.id LIMIT 1`,
  )
  .get(TEST_TODAY) as { id: number; occurrenceId: number };
db.$client.prepare("UPDATE session_series SET capacity = 500 WHERE id = ?").run(session.id);

let counter = 0;
async function book() {
  counter++;
  resetRateLimits();
  const body = new URLSearchParams({
    occurrence: String(session.occurrenceId),
    child1: "6",
    adults: "1",
    name: "Token Family",
    email: `token${counter}@example.org`,
    phone: `07700 900${String(200 + counter)}`,
    consent: "yes",
    website: "",
  });
  const response = await bookAction({
    request: new Request(`http://localhost/sessions/${session.id}/book`, { method: "POST", body }),
    params: { id: String(session.id) },
    context: {},
  });
  expect(response.status).toBe(302);
  const url = new URL(response.headers.get("Location") ?? "", "http://localhost");
  const reference = url.pathname.split("/")[2];
  const token = url.searchParams.get("token") ?? "";
  expect(token).toMatch(/^[A-Za-z0-9_-]{20,64}$/);
  const { id } = db.$client.prepare("SELECT id FROM bookings WHERE reference = ?").get(reference) as { id: number };
  return { reference, token, bookingId: id };
}

/** Every place in the database (table.column, any type) whose value contains the text. */
function everywhere(text: string): string[] {
  const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
    name: string;
  }[];
  expect(tables.length).toBeGreaterThan(10);
  const found: string[] = [];
  for (const { name } of tables) {
    const columns = db.$client.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[];
    for (const column of columns) {
      const hit = db.$client.prepare(`SELECT 1 FROM "${name}" WHERE instr(CAST("${column.name}" AS TEXT), ?) > 0 LIMIT 1`).get(text);
      if (hit) found.push(`${name}.${column.name}`);
    }
  }
  return found;
}

type Sent = typeof t.notifications.$inferSelect;

/** Delivers every pending message through a fake transport, and returns what it was given. */
async function deliverAll(): Promise<Sent[]> {
  const sent: Sent[] = [];
  const send = async (m: Sent) => {
    sent.push(m);
  };
  while ((await deliverPending(db, send)) > 0);
  return sent;
}

describe("manage-link tokens", () => {
  it("are stored nowhere in the database after a booking, not even in the outbox", async () => {
    const { reference, token, bookingId } = await book();
    expect(everywhere(token)).toEqual([]);
    // The scan itself finds what is there.
    expect(everywhere(reference)).toEqual(expect.arrayContaining(["bookings.reference", "notifications.body"]));
    const bodies = db.$client.prepare("SELECT body FROM notifications WHERE booking_id = ?").all(bookingId) as { body: string }[];
    expect(bodies).toHaveLength(2);
    for (const { body } of bodies) expect(body).toContain(`/bookings/${reference}?token=${LINK_TOKEN}`);
  });

  it("are put into the message as the transport sends it, and that link opens the booking", async () => {
    const { reference, token, bookingId } = await book();
    const sent = (await deliverAll()).filter((m) => m.bookingId === bookingId);
    expect(sent.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    for (const m of sent) {
      expect(m.body).not.toContain(LINK_TOKEN);
      expect(m.body).toContain(`/bookings/${reference}?token=${token}`);
    }
    const link = new URL(sent[0].body.match(/https?:\/\/\S+\/bookings\/\S+/)![0]);
    const page = await manageLoader({ request: new Request(link), params: { reference }, context: {} });
    expect(page.status).toBe(200);
    expect(((await page.json()) as { booking: { reference: string } }).booking.reference).toBe(reference);

    // Sent, and still no token in the table.
    const rows = db.$client.prepare("SELECT status FROM notifications WHERE booking_id = ?").all(bookingId) as { status: string }[];
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    expect(everywhere(token)).toEqual([]);
  });

  it("are kept out of the table when a transport's error quotes the message", async () => {
    const { token, bookingId } = await book();
    const failing = async (m: Sent) => {
      throw new Error(`rejected: ${m.body}`);
    };
    const { logger } = await import("~/utils/logger.server");
    const warn = vi.spyOn(logger, "warn");
    await deliverPending(db, failing);
    // The log says which message failed and how, and quotes nothing of it (no name, no link).
    expect(warn).toHaveBeenCalled();
    for (const call of warn.mock.calls) expect(JSON.stringify(call)).not.toMatch(/rejected|Token Family|bookings\//);
    warn.mockRestore();
    const rows = db.$client.prepare("SELECT status, last_error AS lastError FROM notifications WHERE booking_id = ?").all(bookingId) as {
      status: string;
      lastError: string;
    }[];
    expect(rows.every((r) => r.status === "pending" && r.lastError.startsWith("rejected:"))).toBe(true);
    expect(everywhere(token)).toEqual([]);
    await deliverAll();
  });

  it("do not stop delivery after a run that found nothing to send", async () => {
    await deliverAll();
    expect(await deliverPending(db, async () => {})).toBe(0);
    const { bookingId } = await book();
    const sent = (await deliverAll()).filter((m) => m.bookingId === bookingId);
    expect(sent).toHaveLength(2);
  });

  it("are taken out of messages written before, and those messages still send a working link", async () => {
    const { reference, token, bookingId } = await book();
    // As older versions wrote it: the token itself in the text.
    db.$client.prepare("UPDATE notifications SET body = replace(body, ?, ?) WHERE booking_id = ?").run(LINK_TOKEN, token, bookingId);
    expect(everywhere(token)).toEqual(["notifications.body"]);
    // As a restored older backup would be: never scrubbed.
    db.$client.prepare("DELETE FROM app_meta WHERE key = 'stored-tokens-scrubbed'").run();
    expect(scrubStoredTokens(db)).toBe(2);
    expect(everywhere(token)).toEqual([]);
    expect(scrubStoredTokens(db)).toBe(0);
    const sent = (await deliverAll()).filter((m) => m.bookingId === bookingId);
    expect(sent).toHaveLength(2);
    for (const m of sent) expect(m.body).toContain(`/bookings/${reference}?token=${manageToken(db, reference)}`);
    expect(manageToken(db, reference)).toBe(token);
  });

  it("show staff in the outbox that a link was sent, without the token", async () => {
    const { reference } = await book();
    const o = await outcome(async () => outboxLoader({ request: await staffRequest("admin", "/staff/outbox"), params: {}, context: {} }));
    const rows = ((await o.response.json()) as { rows: { reference: string | null; body: string }[] }).rows;
    const ours = rows.filter((r) => r.reference === reference);
    expect(ours).toHaveLength(2);
    for (const r of ours) {
      expect(r.body).toContain(`/bookings/${reference}?token=…`);
      expect(r.body).not.toContain(LINK_TOKEN);
    }
  });
});

describe("the server secret", () => {
  const production = { NODE_ENV: "production", SITE_URL: "https://hubs.example.gov.uk" };

  it("must be set in production without the sample data", () => {
    expect(() => parseEnv({ ...production, DEMO_DATA: "false" })).toThrow(/SECRET must be set in production/);
    expect(() => parseEnv({ ...production, DEMO_DATA: "false", SECRET: "short" })).toThrow(/SECRET must be at least 32 characters/);
    expect(parseEnv({ ...production, DEMO_DATA: "false", SECRET: "x".repeat(40) }).SECRET).toBe("x".repeat(40));
  });

  it("may still be kept in the database for demonstrations and tests", () => {
    expect(parseEnv({ ...production, DEMO_DATA: "true" }).SECRET).toBeUndefined();
    expect(parseEnv({ ...production }).SECRET).toBeUndefined();
    expect(parseEnv({ NODE_ENV: "test", DEMO_DATA: "false" }).SECRET).toBeUndefined();
    expect(parseEnv({ NODE_ENV: "development", DEMO_DATA: "false" }).SECRET).toBeUndefined();
  });
});

describe("the key kept in the database", () => {
  it("is used in production only with the sample data, with one warning per process", async () => {
    const saved = { NODE_ENV: process.env.NODE_ENV, DEMO_DATA: process.env.DEMO_DATA, SECRET: process.env.SECRET };
    try {
      vi.resetModules();
      Object.assign(process.env, { NODE_ENV: "production", DEMO_DATA: "true" });
      delete process.env.SECRET;
      const { logger } = await import("~/utils/logger.server");
      const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
      const secrets = await import("~/utils/secrets.server");
      const key = secrets.serverSecret(db);
      expect(secrets.serverSecret(db)).toBe(key);
      secrets.manageToken(db, "FH-AAAAAA");
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(/SECRET is not set/);
      expect(db.$client.prepare("SELECT value FROM app_meta WHERE key = 'secret'").get()).toEqual({ value: key });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      vi.resetModules();
    }
  });
});

describe("the log", () => {
  function capture() {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    return { logger: createLogger("info", stream), lines };
  }

  it("never holds a token, in a URL field, a message, an error or a token field", () => {
    const token = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    const { logger, lines } = capture();
    logger.info({ url: `/bookings/FH-7K2P9Q?token=${token}&new=1` }, "request");
    logger.info({ req: { method: "GET", url: `/bookings/FH-7K2P9Q/cancel?lng=ur&token=${token}` } }, "request");
    logger.warn(`GET /bookings/FH-7K2P9Q?token=${token} 200`);
    logger.error({ err: new Error(`could not send https://hubs.example/bookings/FH-7K2P9Q?token=${token}`) }, "delivery failed");
    logger.error(new Error(`bad link token=${token}`));
    logger.info({ next: `%2Fbookings%2FFH-7K2P9Q%3Ftoken%3D${token}` }, "redirect");
    logger.info({ token, nested: { token } }, "fields");
    expect(lines).toHaveLength(7);
    const all = lines.join("");
    expect(all).not.toContain(token);
    expect(all).toContain("/bookings/FH-7K2P9Q?token=[redacted]&new=1");
    expect(all).toContain("lng=ur&token=[redacted]");
    expect(all).toContain("%3Ftoken%3D[redacted]");
    // Each line is still JSON.
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });

  it("keeps the rest of the text", () => {
    expect(redactTokens("GET /bookings/FH-7K2P9Q?token=abc_DEF-123&cancelled=1 302")).toBe(
      "GET /bookings/FH-7K2P9Q?token=[redacted]&cancelled=1 302",
    );
    expect(redactTokens("GET /search?postcode=B23%206SY&age=0-1")).toBe("GET /search?postcode=B23%206SY&age=0-1");
  });
});
