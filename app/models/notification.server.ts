// The outbox. Messages are written in the same transaction as the change that causes them, in the
// family's language, then delivered by the configured transport (or kept, for "outbox").
// The manage link's token is never stored: a message keeps LINK_TOKEN in its place, and the real
// token (an HMAC of the reference under the server secret) is put in only as the message is sent.
import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import nodemailer from "nodemailer";
import { NotifyClient } from "notifications-node-client";
import type { Db } from "../../db/connection";
import * as t from "../../db/schema";
import { addDays } from "~/domain/dates";
import { plainForSms, withoutFinalStop } from "~/domain/share";
import { CONTENT_LANGUAGE } from "~/i18n";
import { prepared } from "~/models/prepared-statements.server";
import { ltrIsolate } from "~/utils/bidi";
import { env } from "~/utils/env.server";
import { formatDate, formatTimeRange } from "~/utils/format";
import { logger } from "~/utils/logger.server";
import { feedbackToken, manageToken } from "~/utils/secrets.server";
import { onceTranslatorFor, translatorFor } from "~/utils/translate.server";

export type MessageTemplate =
  "confirmed" | "waiting" | "promoted" | "cancelled" | "moved-to-waiting" | "reminder" | "session-cancelled" | "feedback-ask";

const MAX_ATTEMPTS = 5;
/** How long a process may take to hand one message to the transport before another may try it. */
export const CLAIM_MS = 5 * 60_000;

/** Stands for the manage-link token in a stored message; replaced by the real token at send time. */
export const LINK_TOKEN = "{token}";
/** Stands for the one-use feedback link's token in a stored message (see feedbackToken). */
export const FEEDBACK_TOKEN = "{feedback-token}";

// What a booking's messages say, read with statements prepared once per connection: building
// these with drizzle (every column of three tables) was a third of each booking's time (issue 17).
// The hub's own translation of the title, in the booking's language, comes in the same read
// (series_translations' primary key): a second query per message was a sixth of its rendering.
const CONTEXT_SQL = `SELECT b.reference, b.occurrence_id AS occurrenceId, b.name, b.email, b.phone, b.language,
    s.id AS seriesId, s.title, s.booking_mode AS bookingMode, st.title AS translatedTitle,
    v.kind AS venueKind, v.name AS venueName, v.address_line1 AS addressLine1, v.town, v.postcode
  FROM bookings b JOIN session_series s ON s.id = b.series_id JOIN venues v ON v.id = s.venue_id
  LEFT JOIN series_translations st ON st.series_id = s.id AND st.language = b.language
  WHERE b.id = ?`;
const DATE_SQL = "SELECT date, start_time AS startTime, end_time AS endTime FROM occurrences WHERE id = ?";
const COURSE_DATES_SQL = `SELECT date, start_time AS startTime, end_time AS endTime FROM occurrences
  WHERE series_id = ? AND status = 'scheduled' ORDER BY date`;

type ContextRow = {
  reference: string;
  occurrenceId: number | null;
  name: string;
  email: string | null;
  phone: string | null;
  language: string;
  seriesId: number;
  title: string;
  bookingMode: string;
  translatedTitle: string | null;
  venueKind: string;
  venueName: string;
  addressLine1: string;
  town: string;
  postcode: string;
};

function bookingContext(db: Db, bookingId: number) {
  const row = prepared(db, CONTEXT_SQL).get(bookingId) as ContextRow | undefined;
  if (!row) throw new Error(`No booking ${bookingId}`);
  const dates = (
    row.occurrenceId === null ? prepared(db, COURSE_DATES_SQL).all(row.seriesId) : prepared(db, DATE_SQL).all(row.occurrenceId)
  ) as { date: string; startTime: string; endTime: string }[];
  const booking = { reference: row.reference, name: row.name, email: row.email, phone: row.phone, language: row.language };
  const series = { id: row.seriesId, title: row.title, bookingMode: row.bookingMode, translatedTitle: row.translatedTitle };
  const venue = { kind: row.venueKind, name: row.venueName, addressLine1: row.addressLine1, town: row.town, postcode: row.postcode };
  return { booking, series, venue, dates };
}

/** Renders a message for a booking in its language, one per contact channel given. */
export function renderBookingMessage(
  db: Db,
  bookingId: number,
  template: MessageTemplate,
  options: { onDate?: string; extra?: Record<string, string> } = {},
) {
  const { booking, series, venue, dates } = bookingContext(db, bookingId);
  const lng = booking.language;
  const tr = onceTranslatorFor(lng);
  const translatedTitle = lng === CONTENT_LANGUAGE ? undefined : (series.translatedTitle ?? undefined);
  // A reminder names the one date it is about; other messages the booking's first date.
  const first = (options.onDate && dates.find((d) => d.date === options.onDate)) || dates[0];
  const when = first
    ? series.bookingMode === "course" && !options.onDate
      ? tr("messages:courseWhen", {
          date: formatDate(first.date, lng),
          count: dates.length,
          time: formatTimeRange(first.startTime, first.endTime, lng),
        })
      : `${formatDate(first.date, lng)}, ${formatTimeRange(first.startTime, first.endTime, lng)}`
    : "";
  const where =
    venue.kind === "online" ? tr("messages:online") : [venue.name, venue.addressLine1, venue.town, venue.postcode].filter(Boolean).join(", ");
  // English staff text and the reference read left to right inside Urdu and Arabic messages.
  const vars: Record<string, string> = {
    name: booking.name,
    // The hub's own translation when it wrote one; otherwise its English, isolated.
    title: translatedTitle ?? ltrIsolate(series.title, lng),
    when,
    where: venue.kind === "online" ? where : ltrIsolate(where, lng),
    reference: ltrIsolate(booking.reference, lng),
    link: `${env().SITE_URL}/bookings/${booking.reference}?token=${LINK_TOKEN}`,
    feedbackLink: `${env().SITE_URL}/bookings/${booking.reference}/feedback?token=${FEEDBACK_TOKEN}`,
    ...options.extra,
  };
  // The templates put their own full stop after the reason ("…: {{reason}}. Ref"), so staff's own is dropped.
  if (vars.reason) vars.reason = withoutFinalStop(vars.reason);
  const out: { channel: "email" | "sms"; recipient: string; subject: string; body: string }[] = [];
  if (booking.email) {
    out.push({
      channel: "email",
      recipient: booking.email,
      subject: tr(`messages:${template}.subject`, vars),
      body: tr(`messages:${template}.email`, vars),
    });
  }
  if (booking.phone) {
    // Typographic dashes and spaces would make the whole text Unicode: 70 characters a message, not 160.
    out.push({ channel: "sms", recipient: booking.phone, subject: "", body: plainForSms(tr(`messages:${template}.sms`, vars)) });
  }
  return { booking, messages: out };
}

/**
 * Adds a booking's message to the outbox. With a dedupe key, queuing the same message twice does
 * nothing (jobs can run again safely).
 */
export function queueBookingMessage(
  db: Db,
  bookingId: number,
  template: MessageTemplate,
  options: { dedupeKey?: string; onDate?: string; extra?: Record<string, string> } = {},
): number {
  const { booking, messages } = renderBookingMessage(db, bookingId, template, options);
  let queued = 0;
  for (const m of messages) {
    const result = prepared(db, QUEUE_SQL).run({
      bookingId,
      channel: m.channel,
      recipient: m.recipient,
      template,
      language: booking.language,
      subject: m.subject,
      body: m.body,
      dedupeKey: options.dedupeKey ? `${options.dedupeKey}:${m.channel}` : null,
    });
    queued += result.changes;
  }
  if (queued > 0) deliverAfterCommit(db);
  return queued;
}

const QUEUE_SQL = `INSERT INTO notifications (booking_id, channel, recipient, template, language, subject, body, dedupe_key)
  VALUES (@bookingId, @channel, @recipient, @template, @language, @subject, @body, @dedupeKey) ON CONFLICT DO NOTHING`;

type Outgoing = typeof t.notifications.$inferSelect;
type Transport = (m: Outgoing) => Promise<void>;

/**
 * The message as it leaves: the manage link gets its token, recomputed from the booking's
 * reference. Never written back to the database.
 */
export function withManageLink(db: Db, m: Outgoing): Outgoing {
  if (!m.body.includes(LINK_TOKEN) && !m.body.includes(FEEDBACK_TOKEN)) return m;
  const booking =
    m.bookingId === null
      ? undefined
      : db.select({ reference: t.bookings.reference }).from(t.bookings).where(eq(t.bookings.id, m.bookingId)).get();
  if (!booking) throw new Error("The booking for this message's link no longer exists");
  return {
    ...m,
    body: m.body.replaceAll(LINK_TOKEN, manageToken(db, booking.reference)).replaceAll(FEEDBACK_TOKEN, feedbackToken(db, booking.reference)),
  };
}

function transport(): Transport | null {
  const config = env();
  if (config.NOTIFY_TRANSPORT === "notify") {
    const client = new NotifyClient(config.NOTIFY_API_KEY as string);
    return async (m) => {
      if (m.channel === "email") {
        await client.sendEmail(config.NOTIFY_EMAIL_TEMPLATE_ID as string, m.recipient, {
          personalisation: { subject: m.subject, body: m.body },
          reference: `notification-${m.id}`,
        });
      } else {
        await client.sendSms(config.NOTIFY_SMS_TEMPLATE_ID as string, m.recipient, {
          personalisation: { body: m.body },
          reference: `notification-${m.id}`,
        });
      }
    };
  }
  if (config.NOTIFY_TRANSPORT === "smtp") {
    const mailer = nodemailer.createTransport(config.SMTP_URL as string);
    return async (m) => {
      // SMTP carries email only; text messages need Notify.
      if (m.channel !== "email") throw new Error("SMS cannot be sent over SMTP");
      await mailer.sendMail({ from: config.MAIL_FROM, to: m.recipient, subject: m.subject, text: m.body });
    };
  }
  return null;
}

// One delivery run at a time per connection, so overlapping runs in a process never send a
// message twice; claimMessage does the same between processes sharing the file.
const delivering = new WeakMap<Db["$client"], Promise<number>>();

const unclaimed = (nowIso: string) => or(isNull(t.notifications.claimedUntil), lt(t.notifications.claimedUntil, nowIso));

/**
 * Takes a pending message for this process to send, in one statement: of two workers that read
 * the same pending row, only one gets it. The claim lapses after CLAIM_MS, so a message whose
 * sender died mid-send goes out later (at least once: it may go twice if the sender died after
 * the transport took it, never because two workers raced).
 */
export function claimMessage(db: Db, id: number, nowIso: string): boolean {
  return (
    db
      .update(t.notifications)
      .set({ claimedUntil: new Date(Date.parse(nowIso) + CLAIM_MS).toISOString() })
      .where(and(eq(t.notifications.id, id), eq(t.notifications.status, "pending"), unclaimed(nowIso)))
      .run().changes === 1
  );
}

/** Sends pending messages through the configured transport. "outbox" keeps them pending. */
export function deliverPending(db: Db, send: Transport | null = transport()): Promise<number> {
  if (!send) return Promise.resolve(0);
  const running = delivering.get(db.$client);
  if (running) return running;
  // Cleared in .finally, which always runs after the set below: a run that found nothing to send
  // finishes synchronously, and clearing it inside the run would leave it in place for good.
  const run = (async () => {
    let sent = 0;
    const pending = db
      .select()
      .from(t.notifications)
      .where(and(eq(t.notifications.status, "pending"), lt(t.notifications.attempts, MAX_ATTEMPTS), unclaimed(new Date().toISOString())))
      .orderBy(asc(t.notifications.id))
      .limit(200)
      .all();
    for (const m of pending) {
      if (!claimMessage(db, m.id, new Date().toISOString())) continue;
      const attempts = m.attempts + 1;
      try {
        await send(withManageLink(db, m));
        db.update(t.notifications)
          .set({ status: "sent", attempts, sentAt: new Date().toISOString(), lastError: "", claimedUntil: null })
          .where(eq(t.notifications.id, m.id))
          .run();
        sent++;
      } catch (err) {
        // A transport's error could quote the message. The table keeps its text without the token
        // (staff read it in the outbox; the retention purge wipes it); the log gets only the kind
        // of error, never text that could hold a family's name or contact.
        const message = hideTokens(err instanceof Error ? err.message : String(err));
        const kind =
          typeof (err as { code?: unknown })?.code === "string" ? (err as { code: string }).code : err instanceof Error ? err.name : "unknown";
        db.update(t.notifications)
          .set({ status: attempts >= MAX_ATTEMPTS ? "failed" : "pending", attempts, lastError: message.slice(0, 500), claimedUntil: null })
          .where(eq(t.notifications.id, m.id))
          .run();
        logger.warn({ notification: m.id, attempts, kind }, "message not delivered");
      }
    }
    return sent;
  })().finally(() => {
    delivering.delete(db.$client);
  });
  delivering.set(db.$client, run);
  return run;
}

/** Delivers in the background, never delaying the family's page: after a restart, and after queueing. */
export function deliverSoon(db: Db) {
  setImmediate(() => {
    deliverPending(db).catch((err) => logger.error({ err }, "delivery failed"));
  });
}

let deliveryArranged = false;

/**
 * Queueing a message arranges its delivery, so no caller has to remember to. Messages are queued
 * inside the change's transaction; better-sqlite3 transactions are synchronous, so a callback on
 * the next turn of the event loop runs after the commit (or after a rollback, finding nothing new).
 */
function deliverAfterCommit(db: Db) {
  if (deliveryArranged) return;
  deliveryArranged = true;
  setImmediate(() => {
    deliveryArranged = false;
    deliverPending(db).catch((err) => logger.error({ err }, "delivery failed"));
  });
}

/**
 * Manage links carry the family's secret token: staff see that a link was sent, not the token.
 * Stored messages hold LINK_TOKEN; messages written before that held the token itself.
 */
export function hideTokens(text: string) {
  return text.replace(/([?&]token=)(?:\{token\}|\{feedback-token\}|[A-Za-z0-9_.~%-]+)/g, "$1…");
}

/**
 * Messages written before tokens were left out of the outbox kept the manage link's token in
 * their text. Puts LINK_TOKEN in its place (the token is recomputed when a message is sent), so
 * no copy of the database holds a working link. Safe to repeat; runs with the retention purge.
 */
export function scrubStoredTokens(db: Db): number {
  // Once a run has found none, none can appear again (messages are written with LINK_TOKEN), so
  // later runs skip reading every message. A restored older backup has no mark and is scrubbed.
  const done = db.$client.prepare("SELECT 1 FROM app_meta WHERE key = 'stored-tokens-scrubbed'").get();
  if (done) return 0;
  const rows = db.$client
    .prepare("SELECT id, body FROM notifications WHERE instr(body, 'token=') > 0 AND instr(body, ?) = 0")
    .all(`token=${LINK_TOKEN}`) as { id: number; body: string }[];
  const update = db.$client.prepare("UPDATE notifications SET body = ? WHERE id = ?");
  let scrubbed = 0;
  db.$client.transaction(() => {
    for (const r of rows) {
      const body = r.body.replace(/([?&]token=)[A-Za-z0-9_-]{20,64}/g, `$1${LINK_TOKEN}`);
      if (body !== r.body) scrubbed += update.run(body, r.id).changes;
    }
    db.$client.prepare("INSERT OR IGNORE INTO app_meta (key, value) VALUES ('stored-tokens-scrubbed', ?)").run(new Date().toISOString());
  })();
  return scrubbed;
}

export function queueReminders(db: Db, today: string): number {
  const tomorrow = addDays(today, 1);
  const due = db.$client
    .prepare(
      `SELECT b.id AS booking_id, o.date AS date
         FROM bookings b
         JOIN session_series s ON s.id = b.series_id
         JOIN occurrences o ON (b.occurrence_id = o.id)
                            OR (b.occurrence_id IS NULL AND o.series_id = b.series_id)
        WHERE b.status = 'confirmed' AND o.status = 'scheduled' AND o.date = ?`,
    )
    .all(tomorrow) as { booking_id: number; date: string }[];
  let queued = 0;
  db.$client.transaction(() => {
    for (const r of due) {
      queued += queueBookingMessage(db, r.booking_id, "reminder", {
        dedupeKey: `reminder:${r.booking_id}:${r.date}`,
        onDate: r.date,
      });
    }
  })();
  return queued;
}

/**
 * Tells a family who asked to hear back what the hub did, in their language, through the outbox.
 * Call inside the publishing transaction; the dedupe key makes it once per feedback, ever.
 */
export function queueWeDidMessage(
  db: Db,
  m: { feedbackId: number; venueId: number; channel: "email" | "sms"; recipient: string; language: string; vars: Record<string, string> },
): number {
  const tr = translatorFor(m.language);
  const text = (part: "subject" | "email" | "sms") => tr(`messages:we-did.${part}`, m.vars);
  const result = db
    .insert(t.notifications)
    .values({
      bookingId: null,
      feedbackId: m.feedbackId,
      venueId: m.venueId,
      channel: m.channel,
      recipient: m.recipient,
      template: "we-did",
      language: m.language,
      subject: m.channel === "email" ? text("subject") : "",
      body: m.channel === "email" ? text("email") : plainForSms(text("sms")),
      dedupeKey: `we-did:${m.feedbackId}`,
    })
    .onConflictDoNothing()
    .run();
  if (result.changes > 0) deliverAfterCommit(db);
  return result.changes;
}
