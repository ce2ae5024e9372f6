// Sample history, so the reports (/staff/reports) have something real to show on a fresh install:
// the past 16 weeks of the sample's weekly sessions at family hubs, with bookings (some cancelled,
// some left on the waiting list), registers taken, walk-ins, and searches that found nothing.
// Home areas come from real postcodes near each hub (db/data), so the deprivation figures are the
// sample hubs' real neighbourhoods. Deterministic: the same `today` always gives the same rows.
// Sample families have no contact details, so nothing here can ever be sent.
import type { Db } from "../connection";
import { addDays, isoWeekday, parseWeekdays } from "../../app/domain/dates";

export const HISTORY_WEEKS = 16;

/** mulberry32: small and seeded. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MISS_DISTRICTS = ["B23", "B24", "B44", "B6", "B8", "B33", "B36", "CV2", "CV6", "CV3", "LE4", "LE5", "LE11"];
const MISS_BANDS = [null, "pregnancy", "0-1", "1-2", "2-3", "3-5"];
const MISS_TYPES = [null, "send", "dads-and-partners", "speech-and-language", "antenatal", "stay-and-play"];

export function seedDemoHistory(db: Db, today: string) {
  const random = prng(20261124);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const sql = db.$client;
  const series = sql
    .prepare(
      `SELECT s.id, s.weekdays, s.start_time AS startTime, s.end_time AS endTime, s.capacity, s.booking_mode AS mode, s.place_unit AS unit,
          s.term_time_only AS termTime, s.age_min_months AS ageMin, v.postcode, l.local_authority_id AS laId
         FROM session_series s JOIN venues v ON v.id = s.venue_id JOIN localities l ON l.id = v.locality_id
        WHERE v.kind = 'family-hub' AND s.status = 'active' AND s.weekdays <> '' AND s.booking_mode IN ('per-session', 'drop-in')
          AND s.end_date IS NULL
        ORDER BY s.id`,
    )
    .all() as {
    id: number;
    weekdays: string;
    startTime: string;
    endTime: string;
    capacity: number;
    mode: string;
    unit: string;
    termTime: number;
    ageMin: number | null;
    postcode: string | null;
    laId: number;
  }[];
  const terms = sql.prepare(`SELECT local_authority_id AS laId, start_date AS s, end_date AS e FROM term_dates`).all() as {
    laId: number;
    s: string;
    e: string;
  }[];
  const inTerm = (laId: number, date: string) => terms.some((t) => t.laId === laId && t.s <= date && date <= t.e);
  const homesNear = sql.prepare(
    `SELECT p.lsoa11 AS lsoa, d.decile FROM postcodes p JOIN imd_deciles d ON d.lsoa11 = p.lsoa11
      WHERE p.postcode >= ? AND p.postcode < ? ORDER BY p.postcode LIMIT 400`,
  );
  // A date the timetable already holds (this week's, filled from Monday) is used as it is.
  const addOccurrence = sql.prepare(
    `INSERT INTO occurrences (series_id, date, start_time, end_time) VALUES (?, ?, ?, ?)
     ON CONFLICT (series_id, date) DO UPDATE SET series_id = excluded.series_id RETURNING id`,
  );
  const addBooking = sql.prepare(
    `INSERT INTO bookings (reference, token_hash, series_id, occurrence_id, status, places, children, adults, child_ages, name, language, source,
       consent_at, confirmed_at, cancelled_at, home_lsoa, home_imd_decile, booked_before, created_at, updated_at)
     VALUES (?, 'sample-history', ?, ?, ?, 1, ?, 1, ?, 'Sample family', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const mark = sql.prepare(`INSERT INTO attendance (booking_id, occurrence_id, status, marked_at) VALUES (?, ?, ?, ?)`);
  const addWalkIn = sql.prepare(
    `INSERT INTO walk_ins (occurrence_id, children, adults, child_ages, outcode, first_visit, home_lsoa, home_imd_decile, created_at, updated_at)
     VALUES (?, ?, 1, '[]', ?, ?, ?, ?, ?, ?)`,
  );
  const setStart = sql.prepare(`UPDATE session_series SET start_date = MIN(start_date, ?) WHERE id = ?`);
  const addMiss = sql.prepare(
    `INSERT INTO search_misses (date, outcode, locality_id, age_band, type_slug, filters, beyond_distance) VALUES (?, ?, ?, ?, ?, '{}', ?)`,
  );
  const localities = sql.prepare(`SELECT id FROM localities ORDER BY id`).all() as { id: number }[];

  let n = 0;
  const first = addDays(today, -HISTORY_WEEKS * 7);
  sql.transaction(() => {
    for (const s of series) {
      const outcode = s.postcode?.split(" ")[0] ?? null;
      const homes = outcode ? (homesNear.all(`${outcode} `, `${outcode} ~`) as { lsoa: string; decile: number }[]) : [];
      const home = () => (homes.length > 0 && random() < 0.8 ? pick(homes) : null);
      const days = parseWeekdays(s.weekdays);
      setStart.run(first, s.id);
      for (let date = first; date < today; date = addDays(date, 1)) {
        if (!days.includes(isoWeekday(date))) continue;
        if (s.termTime && !inTerm(s.laId, date)) continue;
        const occurrenceId = (addOccurrence.get(s.id, date, s.startTime, s.endTime) as { id: number }).id;
        const at = `${addDays(date, -3)}T10:00:00.000Z`;
        const marked = `${date}T12:00:00.000Z`;
        if (s.mode === "per-session") {
          const count = Math.round(s.capacity * (0.45 + random() * 0.6));
          for (let i = 0; i < count; i++) {
            n++;
            const r = random();
            const status = i >= s.capacity ? "waiting" : r < 0.08 ? "cancelled" : "confirmed";
            const area = home();
            const id = Number(
              addBooking.run(
                `FH-S${String(n).padStart(5, "0")}`,
                s.id,
                occurrenceId,
                status,
                s.unit === "child" ? 1 : 0,
                JSON.stringify(s.unit === "child" ? [s.ageMin ?? 12] : []),
                random() < 0.85 ? "en" : pick(["ur", "pl", "ro", "ar", "bn"]),
                random() < 0.1 ? "staff" : "online",
                at,
                status === "confirmed" ? at : null,
                status === "cancelled" ? at : null,
                area?.lsoa ?? null,
                area?.decile ?? null,
                random() < 0.7 ? 1 : 0,
                at,
                at,
              ).lastInsertRowid,
            );
            if (status === "confirmed") mark.run(id, occurrenceId, random() < 0.86 ? "attended" : "no-show", marked);
          }
        }
        const walkIns = s.mode === "drop-in" ? 4 + Math.floor(random() * 10) : Math.floor(random() * 3);
        for (let i = 0; i < walkIns; i++) {
          const area = home();
          addWalkIn.run(
            occurrenceId,
            1 + Math.floor(random() * 2),
            outcode,
            random() < 0.2 ? 1 : 0,
            area?.lsoa ?? null,
            area?.decile ?? null,
            marked,
            marked,
          );
        }
      }
    }
    for (let i = 0; i < 160; i++) {
      const date = addDays(today, -1 - Math.floor(random() * HISTORY_WEEKS * 7));
      addMiss.run(date, pick(MISS_DISTRICTS), pick(localities).id, pick(MISS_BANDS), pick(MISS_TYPES), random() < 0.3 ? 1 : 0);
    }
  })();
  return n;
}
