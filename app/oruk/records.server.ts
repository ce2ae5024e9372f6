// What the Open Referral UK API publishes, read in one query: every series with its venue,
// locality, local authority and type, plus the term dates of term-time series. A few hundred
// rows, so filters and paging run over them in memory (app/oruk/filters.ts).
import type { Db } from "../../db/connection";
import type { BookingMode, VenueKind } from "../../db/schema";
import { parseWeekdays } from "~/domain/dates";
import { seriesUuid, venueUuid } from "~/domain/oruk-ids";
import type { DateRange } from "~/domain/recurrence";

export type OrukRecord = {
  seriesId: number;
  id: string;
  title: string;
  description: string;
  typeSlug: string;
  weekdays: number[];
  startTime: string;
  endTime: string;
  startDate: string;
  endDate: string | null;
  termTimeOnly: boolean;
  capacity: number;
  bookingMode: BookingMode;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  forPregnancy: boolean;
  languages: string[];
  costPence: number;
  costNotes: string;
  active: boolean;
  updatedAt: string;
  venue: {
    id: string;
    slug: string;
    name: string;
    kind: VenueKind;
    addressLine1: string;
    addressLine2: string;
    town: string;
    postcode: string | null;
    latitude: number | null;
    longitude: number | null;
    phone: string;
    email: string;
    description: string;
    updatedAt: string;
  };
  localityName: string;
  localAuthority: { slug: string; name: string };
  /** The local authority's terms, for term-time series only. */
  terms: DateRange[];
};

type Row = {
  id: number;
  oruk_id: string | null;
  title: string;
  description: string;
  type_slug: string;
  weekdays: string;
  start_time: string;
  end_time: string;
  start_date: string;
  end_date: string | null;
  term_time_only: number;
  capacity: number;
  booking_mode: BookingMode;
  age_min_months: number | null;
  age_max_months: number | null;
  for_pregnancy: number;
  languages: string;
  cost_pence: number;
  cost_notes: string;
  status: string;
  withdrawn: string | null;
  updated_at: string;
  v_oruk_id: string | null;
  v_slug: string;
  v_name: string;
  v_kind: VenueKind;
  address_line1: string;
  address_line2: string;
  town: string;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string;
  email: string;
  v_description: string;
  v_updated_at: string;
  locality_name: string;
  la_id: number;
  la_slug: string;
  la_name: string;
};

const SQL = `
  SELECT s.id, s.oruk_id, s.title, s.description, st.slug AS type_slug, s.weekdays, s.start_time, s.end_time,
         s.start_date, s.end_date, s.term_time_only, s.capacity, s.booking_mode, s.age_min_months, s.age_max_months,
         s.for_pregnancy, s.languages, s.cost_pence, s.cost_notes, s.status, s.feed_withdrawn_at AS withdrawn, s.updated_at,
         v.oruk_id AS v_oruk_id, v.slug AS v_slug, v.name AS v_name, v.kind AS v_kind, v.address_line1, v.address_line2,
         v.town, v.postcode, v.latitude, v.longitude, v.phone, v.email, v.description AS v_description,
         v.updated_at AS v_updated_at, l.name AS locality_name, la.id AS la_id, la.slug AS la_slug, la.name AS la_name
    FROM session_series s
    JOIN session_types st ON st.id = s.type_id
    JOIN venues v ON v.id = s.venue_id
    JOIN localities l ON l.id = v.locality_id
    JOIN local_authorities la ON la.id = l.local_authority_id
   WHERE @id IS NULL OR s.oruk_id = @id OR s.oruk_id IS NULL
   ORDER BY s.id`;

/**
 * Every series, published or not (`active` says which), in id order so pages are stable; or,
 * given an id, the series published under it (looked up by its stored id where it has one).
 */
export function orukRecords(db: Db, id?: string): OrukRecord[] {
  const rows = db.$client.prepare(SQL).all({ id: id ?? null }) as Row[];
  const terms = new Map<number, DateRange[]>();
  for (const term of db.$client
    .prepare("SELECT local_authority_id AS la, start_date AS startDate, end_date AS endDate FROM term_dates ORDER BY start_date")
    .all() as { la: number; startDate: string; endDate: string }[]) {
    const list = terms.get(term.la) ?? [];
    list.push({ startDate: term.startDate, endDate: term.endDate });
    terms.set(term.la, list);
  }
  const records = rows.map((r) => ({
    seriesId: r.id,
    id: r.oruk_id ?? seriesUuid(r.id),
    title: r.title,
    description: r.description,
    typeSlug: r.type_slug,
    weekdays: parseWeekdays(r.weekdays),
    startTime: r.start_time,
    endTime: r.end_time,
    startDate: r.start_date,
    endDate: r.end_date,
    termTimeOnly: r.term_time_only === 1,
    capacity: r.capacity,
    bookingMode: r.booking_mode,
    ageMinMonths: r.age_min_months,
    ageMaxMonths: r.age_max_months,
    forPregnancy: r.for_pregnancy === 1,
    languages: r.languages.split(",").filter(Boolean),
    costPence: r.cost_pence,
    costNotes: r.cost_notes,
    active: r.status === "active" && r.withdrawn === null,
    updatedAt: r.updated_at,
    venue: {
      id: r.v_oruk_id ?? venueUuid(r.v_slug),
      slug: r.v_slug,
      name: r.v_name,
      kind: r.v_kind,
      addressLine1: r.address_line1,
      addressLine2: r.address_line2,
      town: r.town,
      postcode: r.postcode,
      latitude: r.latitude,
      longitude: r.longitude,
      phone: r.phone,
      email: r.email,
      description: r.v_description,
      updatedAt: r.v_updated_at,
    },
    localityName: r.locality_name,
    localAuthority: { slug: r.la_slug, name: r.la_name },
    terms: r.term_time_only === 1 ? (terms.get(r.la_id) ?? []) : [],
  }));
  return id === undefined ? records : records.filter((r) => r.id === id);
}

/**
 * Stores the published id of every series and venue that has none yet: the same id the API
 * already computes for them, so storing it changes nothing a consumer sees, and from then on
 * the id no longer depends on the row's number or slug. Run at start-up and by every import.
 */
export function ensureOrukIds(db: Db) {
  const sqlite = db.$client;
  const series = sqlite.prepare("SELECT id FROM session_series WHERE oruk_id IS NULL").all() as { id: number }[];
  const venues = sqlite.prepare("SELECT id, slug FROM venues WHERE oruk_id IS NULL").all() as { id: number; slug: string }[];
  if (series.length === 0 && venues.length === 0) return 0;
  const setSeries = sqlite.prepare("UPDATE session_series SET oruk_id = ? WHERE id = ?");
  const setVenue = sqlite.prepare("UPDATE venues SET oruk_id = ? WHERE id = ?");
  sqlite.transaction(() => {
    for (const s of series) setSeries.run(seriesUuid(s.id), s.id);
    for (const v of venues) setVenue.run(venueUuid(v.slug), v.id);
  })();
  return series.length + venues.length;
}
