// The feedback report: response rate, satisfaction by hub, session type and age band, top themes,
// sessions asked for, and the time from feedback to a published answer. Counts of 1 to 4
// families are never returned as numbers (domain/disclosure.ts), nor shares or averages built on them.
import type { Db } from "../../db/connection";
import { type DisclosedCount, discloseCount, discloseShare, isSuppressed } from "~/domain/disclosure";
import { daysBetween, median, SATISFIED_FROM } from "~/domain/feedback";
import type { Viewer } from "~/domain/permissions";

export type ReportPeriod = { fromDate: string; toDate: string };

export type SatisfactionRow = {
  key: string;
  responses: DisclosedCount;
  /** Share rating 4 or 5; null when suppressed or there are none. */
  satisfied: number | null;
  /** Mean rating 1 to 5; null when fewer than five responses. */
  average: number | null;
};

export type FeedbackReport = {
  period: ReportPeriod;
  asked: DisclosedCount;
  answeredAsks: DisclosedCount;
  responseRate: number | null;
  responses: DisclosedCount;
  byHub: SatisfactionRow[];
  byType: SatisfactionRow[];
  byAgeBand: SatisfactionRow[];
  themes: { label: string; count: DisclosedCount }[];
  askedFor: { wishType: string; count: DisclosedCount }[];
  answered: DisclosedCount;
  medianDaysToAnswer: number | null;
};

/** Scope and period as SQL, for feedback rows aliased f. */
function scope(user: Viewer, period: ReportPeriod, column = "f.venue_id", dateColumn = "f.created_at") {
  const params: (string | number)[] = [period.fromDate, period.toDate];
  let sql = `substr(${dateColumn}, 1, 10) BETWEEN ? AND ?`;
  if (user.role !== "admin") {
    sql += ` AND ${column} IN (SELECT value FROM json_each(?))`;
    params.push(JSON.stringify(user.venueIds));
  }
  return { sql, params };
}

function satisfaction(rows: { key: string | null; n: number; satisfied: number; total: number }[], none: string): SatisfactionRow[] {
  return rows.map((r) => ({
    key: r.key ?? none,
    responses: discloseCount(r.n),
    satisfied: discloseShare(r.satisfied, r.n),
    average: r.n === 0 || isSuppressed(r.n) ? null : Math.round((r.total / r.n) * 10) / 10,
  }));
}

export function feedbackReport(db: Db, user: Viewer, period: ReportPeriod): FeedbackReport {
  const q = (text: string, s: { sql: string; params: (string | number)[] }) => db.$client.prepare(text.replace("%SCOPE%", s.sql));
  const f = scope(user, period);

  const asks = q(
    `SELECT count(*) AS asked, sum(i.used_at IS NOT NULL) AS used
       FROM feedback_invites i JOIN bookings b ON b.id = i.booking_id JOIN session_series s ON s.id = b.series_id
      WHERE i.asked_at IS NOT NULL AND %SCOPE%`,
    scope(user, period, "s.venue_id", "i.asked_at"),
  ).get(...scope(user, period, "s.venue_id", "i.asked_at").params) as { asked: number; used: number | null };

  const grouped = (key: string, join = "") =>
    q(
      `SELECT ${key} AS key, count(*) AS n, sum(f.rating >= ${SATISFIED_FROM}) AS satisfied, sum(f.rating) AS total
         FROM feedback f ${join} WHERE %SCOPE% GROUP BY ${key} ORDER BY n DESC, key`,
      f,
    ).all(...f.params) as { key: string | null; n: number; satisfied: number; total: number }[];

  const total = q(`SELECT count(*) AS n FROM feedback f WHERE %SCOPE%`, f).get(...f.params) as { n: number };

  const themes = q(
    `SELECT th.label AS label, count(*) AS n FROM feedback f JOIN feedback_tags g ON g.feedback_id = f.id
       JOIN feedback_themes th ON th.id = g.theme_id WHERE %SCOPE% GROUP BY th.label ORDER BY n DESC, th.label LIMIT 10`,
    f,
  ).all(...f.params) as { label: string; n: number }[];

  const wishes = q(
    `SELECT f.wish_type AS wishType, count(*) AS n FROM feedback f WHERE f.wish_type IS NOT NULL AND %SCOPE%
      GROUP BY f.wish_type ORDER BY n DESC, f.wish_type`,
    f,
  ).all(...f.params) as { wishType: string; n: number }[];

  const answers = q(
    `SELECT f.created_at AS createdAt, min(e.published_at) AS answeredAt FROM feedback f
       JOIN you_said_we_did_feedback l ON l.feedback_id = f.id JOIN you_said_we_did e ON e.id = l.entry_id
      WHERE %SCOPE% GROUP BY f.id`,
    f,
  ).all(...f.params) as { createdAt: string; answeredAt: string }[];

  return {
    period,
    asked: discloseCount(asks.asked),
    answeredAsks: discloseCount(asks.used ?? 0),
    responseRate: discloseShare(asks.used ?? 0, asks.asked),
    responses: discloseCount(total.n),
    byHub: satisfaction(grouped("v.name", "JOIN venues v ON v.id = f.venue_id"), ""),
    byType: satisfaction(grouped("f.type_slug"), "none"),
    byAgeBand: satisfaction(grouped("f.age_band"), "none"),
    themes: themes.map((r) => ({ label: r.label, count: discloseCount(r.n) })),
    askedFor: wishes.map((r) => ({ wishType: r.wishType, count: discloseCount(r.n) })),
    answered: discloseCount(answers.length),
    // A median of fewer than five answers would say too much about each of them.
    medianDaysToAnswer: isSuppressed(answers.length) ? null : median(answers.map((a) => daysBetween(a.createdAt, a.answeredAt))),
  };
}
