// What one ORUK service becomes here: the columns of its venue and series, or the reason it is
// skipped (odd but valid data: a schedule that ended, coordinates out of range…). Pure.
import { BOOKING_MODES, type BookingMode } from "../../../db/schema";
import type { DateRange } from "~/domain/recurrence";
import { SESSION_TYPE_SLUGS } from "~/domain/session-types";
import type { FeedSchedule, FeedService } from "~/oruk/import/feed.server";
import { BYDAY } from "~/oruk/map";

export type PlannedVenue = {
  feedId: string;
  name: string;
  kind: "outreach" | "online";
  addressLine1: string;
  addressLine2: string;
  town: string;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string;
  email: string;
  description: string;
};

export type PlannedSeries = {
  typeSlug: string;
  title: string;
  description: string;
  weekdays: string;
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
  languages: string;
  costPence: number;
  costNotes: string;
};

export type Plan =
  | { kind: "ok"; feedId: string; organization: string; venue: PlannedVenue; series: PlannedSeries; terms: DateRange[] }
  | { kind: "skip"; feedId: string; reason: string };

/** Places for a drop-in, which nobody books: kept only because every series has a capacity. */
const DROP_IN_CAPACITY = 0;

const DATE_RE = /^(\d{4}-\d{2}-\d{2})/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d+)?)?$/;

const date = (v: string | undefined) => (v ? (DATE_RE.exec(v)?.[1] ?? null) : null);
const time = (v: string | undefined) => {
  const m = v ? TIME_RE.exec(v) : null;
  return m ? `${m[1]}:${m[2]}` : null;
};

const TYPE_WORDS: [RegExp, string][] = [
  [/\bsend\b|special educational/i, "send"],
  [/antenatal|bump|pregnan/i, "antenatal"],
  [/feeding|breastfeed/i, "infant-feeding"],
  [/\bdads?\b|father|partners/i, "dads-and-partners"],
  [/speech|language|chatter|talk/i, "speech-and-language"],
  [/health visitor|weigh/i, "health-visitor-drop-in"],
  [/money|housing|benefit|debt|citizens advice/i, "money-and-housing"],
  [/course|parenting|programme|incredible years|solihull/i, "parenting-course"],
  [/baby/i, "baby-and-me"],
  [/home learning|learning together|book ?start/i, "home-learning"],
];

function typeOf(service: FeedService): string {
  for (const a of service.attributes) {
    const term = a.taxonomy_term?.term ?? "";
    if ((SESSION_TYPE_SLUGS as readonly string[]).includes(term)) return term;
  }
  for (const [re, slug] of TYPE_WORDS) if (re.test(`${service.name} ${service.description ?? ""}`)) return slug;
  return "stay-and-play";
}

type Pattern = { weekdays: number[]; startTime: string; endTime: string; windows: { from: string; to: string | null }[] };

/** The weekly (or one-off) pattern from the schedules still running, or why there is none. */
function pattern(schedules: FeedSchedule[], today: string): Pattern | string {
  if (schedules.length === 0) return "it has no schedule";
  const groups = new Map<string, Pattern>();
  let lastEnded: string | null = null;
  for (const s of schedules) {
    const startTime = time(s.opens_at);
    const endTime = time(s.closes_at);
    if (!startTime || !endTime || endTime <= startTime) continue;
    const from = date(s.valid_from) ?? date(s.dtstart);
    const to = date(s.valid_to);
    const freq = s.freq?.toUpperCase();
    let weekdays: number[];
    if (freq === "WEEKLY" && (s.interval ?? 1) === 1) {
      weekdays = (s.byday ?? "")
        .split(",")
        .map((d) => BYDAY.indexOf(d.trim().toUpperCase().slice(-2) as (typeof BYDAY)[number]) + 1)
        .filter((d) => d > 0)
        .sort();
      if (weekdays.length === 0) continue;
    } else if (freq === undefined && from && (to === null || to === from)) {
      weekdays = [];
    } else {
      continue;
    }
    const end = weekdays.length === 0 ? from : to;
    if (end && end < today) {
      if (lastEnded === null || end > lastEnded) lastEnded = end;
      continue;
    }
    const key = `${weekdays.join(",")} ${startTime} ${endTime}`;
    const group = groups.get(key) ?? { weekdays, startTime, endTime, windows: [] };
    group.windows.push({ from: from ?? today, to: weekdays.length === 0 ? from : to });
    groups.set(key, group);
  }
  const first = groups.values().next().value;
  if (!first) return lastEnded ? `its schedule ended on ${lastEnded}` : "no schedule has a weekly or one-off pattern with times";
  first.windows.sort((a, b) => a.from.localeCompare(b.from));
  return first;
}

export function planService(service: FeedService, today: string): Plan {
  const skip = (reason: string): Plan => ({ kind: "skip", feedId: service.id, reason });
  if (service.status && service.status !== "active") return skip(`its status is ${service.status}`);
  const p = pattern(service.schedules, today);
  if (typeof p === "string") return skip(p);

  const location = service.service_at_locations.find((sal) => sal.location)?.location;
  const online = !location || location.location_type === "virtual";
  const lat = location?.latitude;
  const lng = location?.longitude;
  if (lat !== undefined && (lat < -90 || lat > 90)) return skip(`its latitude ${lat} is out of range`);
  if (lng !== undefined && (lng < -180 || lng > 180)) return skip(`its longitude ${lng} is out of range`);
  const address = location?.addresses[0];
  if (!online && (lat === undefined || lng === undefined) && !address?.postal_code) return skip("its location has no coordinates or postcode");

  const minYears = service.minimum_age;
  const maxYears = service.maximum_age;
  if (minYears !== undefined && maxYears !== undefined && minYears > maxYears) return skip("its minimum age is above its maximum age");
  const forPregnancy = service.attributes.some((a) => a.taxonomy_term?.term === "pregnancy");
  const capacity = service.capacities.find((c) => c.maximum !== undefined)?.maximum;
  const mode = (BOOKING_MODES as readonly string[]).includes(service.booking_mode ?? "")
    ? (service.booking_mode as BookingMode)
    : capacity !== undefined && capacity > 0
      ? "per-session"
      : "drop-in";
  const cost = service.cost_options.find((c) => c.amount !== undefined);
  const languages = [...new Set(service.languages.map((l) => l.code?.toLowerCase()).filter((c): c is string => !!c && /^[a-z]{2,3}$/.test(c)))];
  const windows = p.windows;
  const lastTo = windows.some((w) => w.to === null)
    ? null
    : windows
        .map((w) => w.to as string)
        .sort()
        .at(-1)!;
  const termTime = p.weekdays.length > 0 && windows.length > 1;

  return {
    kind: "ok",
    feedId: service.id,
    organization: service.organization?.name ?? "Imported services",
    venue: {
      feedId: location?.id ?? `online:${service.id}`,
      name: location?.name ?? service.organization?.name ?? service.name,
      kind: online ? "online" : "outreach",
      addressLine1: online ? "" : (address?.address_1 ?? ""),
      addressLine2: online ? "" : (address?.address_2 ?? ""),
      town: online ? "" : (address?.city ?? ""),
      postcode: online ? null : (address?.postal_code?.toUpperCase() ?? null),
      latitude: online ? null : (lat ?? null),
      longitude: online ? null : (lng ?? null),
      phone: service.contacts.flatMap((c) => c.phones).find((ph) => ph.number)?.number ?? "",
      email: service.email ?? "",
      description: location?.description ?? "",
    },
    series: {
      typeSlug: typeOf(service),
      title: service.name,
      description: service.description ?? "",
      weekdays: p.weekdays.join(","),
      startTime: p.startTime,
      endTime: p.endTime,
      startDate: windows[0].from,
      endDate: p.weekdays.length === 0 ? windows[0].from : lastTo,
      termTimeOnly: termTime,
      capacity: mode === "drop-in" ? (capacity ?? DROP_IN_CAPACITY) : (capacity ?? DROP_IN_CAPACITY),
      bookingMode: mode === "drop-in" || (capacity ?? 0) > 0 ? mode : "drop-in",
      ageMinMonths: minYears === undefined ? (maxYears === undefined ? null : 0) : Math.round(minYears) * 12,
      ageMaxMonths: maxYears === undefined ? null : Math.round(maxYears) * 12 + 11,
      forPregnancy,
      languages: (languages.length > 0 ? languages : ["en"]).join(","),
      costPence: cost?.amount !== undefined && cost.amount > 0 ? Math.round(cost.amount * 100) : 0,
      costNotes: cost?.amount_description ?? "",
    },
    terms: termTime ? windows.map((w) => ({ startDate: w.from, endDate: w.to ?? w.from })) : [],
  };
}
