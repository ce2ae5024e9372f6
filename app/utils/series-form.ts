// The session series form: field names, parsing and the choices offered. Error messages are keys
// in the "timetable" namespace (under "form.errors."). Shared by the create and edit routes.
import { z } from "zod";
import { BOOKING_MODES, PLACE_UNITS, type BookingMode, type PlaceUnit } from "../../db/schema";
import { isValidIsoDate } from "~/domain/dates";
import { SESSION_TYPE_SLUGS, type SessionTypeSlug } from "~/domain/session-types";
import { blankToUndefined } from "~/utils/zod-fields";

/** Field names in page order, for the error summary. */
export const SERIES_FIELDS = [
  "type",
  "title",
  "description",
  "whatToBring",
  "facilitator",
  "weekdays",
  "startTime",
  "endTime",
  "startDate",
  "endDate",
  "termTimeOnly",
  "capacity",
  "bookingMode",
  "placeUnit",
  "ageMinMonths",
  "ageMaxMonths",
  "forPregnancy",
  "languages",
  "sendFriendly",
  "cost",
  "costNotes",
] as const;
export type SeriesField = (typeof SERIES_FIELDS)[number];

/** What the form submitted, as strings (weekdays comma separated), for showing it back. */
export type SeriesFormValues = Partial<Record<SeriesField, string>>;

export const MAX_CAPACITY = 200;
export const MAX_AGE_MONTHS = 300;
export const MAX_COST_POUNDS = 1000;

/** The parsed form, in the shape of the session_series columns (type as its slug). */
export type SeriesInput = {
  typeSlug: SessionTypeSlug;
  title: string;
  description: string;
  whatToBring: string;
  facilitator: string;
  /** ISO weekdays 1–7, ascending, comma separated; empty for a one-off event. */
  weekdays: string;
  startTime: string;
  endTime: string;
  startDate: string;
  endDate: string | null;
  termTimeOnly: boolean;
  capacity: number;
  bookingMode: BookingMode;
  placeUnit: PlaceUnit;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  forPregnancy: boolean;
  languages: string;
  sendFriendly: boolean;
  costPence: number;
  costNotes: string;
};

const e = (key: string) => `form.errors.${key}`;

/** "9:30", "09:30" or "9.30" → "09:30". */
function normaliseTime(input: string): string | null {
  const m = input.trim().match(/^(\d{1,2})[:.](\d{2})$/);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, "0")}:${m[2]}`;
}

/** "2027-01-04" or the UK way, "4/1/2027" → "2027-01-04". */
function normaliseDate(input: string): string | null {
  const v = input.trim();
  let iso = v;
  const uk = v.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (uk) iso = `${uk[3]}-${uk[2].padStart(2, "0")}-${uk[1].padStart(2, "0")}`;
  return isValidIsoDate(iso) ? iso : null;
}

let languageNames: Intl.DisplayNames | null | undefined;
/** A two-letter code Intl can name (so "zz" and typos are refused). */
export function isLanguageCode(code: string): boolean {
  if (!/^[a-z]{2}$/.test(code)) return false;
  if (languageNames === undefined) {
    try {
      languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
    } catch {
      languageNames = null;
    }
  }
  if (!languageNames) return true;
  try {
    const name = languageNames.of(code);
    return Boolean(name) && name !== code;
  } catch {
    return false;
  }
}

const time = (key: string) =>
  z.string({ message: e(key) }).transform((v, ctx) => {
    const t = normaliseTime(v);
    if (!t) ctx.addIssue({ code: z.ZodIssueCode.custom, message: e(key) });
    return t ?? "";
  });

const date = (key: string) =>
  z.string({ message: e(key) }).transform((v, ctx) => {
    const d = normaliseDate(v);
    if (!d) ctx.addIssue({ code: z.ZodIssueCode.custom, message: e(key) });
    return d ?? "";
  });

const checkbox = z.preprocess(blankToUndefined, z.literal("1", { errorMap: () => ({ message: e("form") }) }).optional()).transform(Boolean);

const ageMonths = (key: string) =>
  z
    .preprocess(
      blankToUndefined,
      z.coerce
        .number({ message: e(key) })
        .int(e(key))
        .min(0, e(key))
        .max(MAX_AGE_MONTHS, e(key))
        .optional(),
    )
    .transform((v) => v ?? null);

/** Every field on its own: each reports its problem even when another field is wrong too. */
export const seriesFieldSchemas = {
  type: z.enum(SESSION_TYPE_SLUGS, { errorMap: () => ({ message: e("type") }) }),
  title: z
    .string({ message: e("title") })
    .trim()
    .min(1, e("title"))
    .max(120, e("titleTooLong")),
  description: z.string().trim().max(2000, e("descriptionTooLong")).default(""),
  whatToBring: z.string().trim().max(1000, e("whatToBringTooLong")).default(""),
  facilitator: z.string().trim().max(120, e("facilitatorTooLong")).default(""),
  weekdays: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const parts = v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const days = parts.map(Number);
      if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: e("weekdays") });
      }
      return [...new Set(days.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7))].sort((a, b) => a - b);
    }),
  startTime: time("startTime"),
  endTime: time("endTime"),
  startDate: date("startDate"),
  endDate: z.preprocess(blankToUndefined, date("endDate").optional()).transform((v) => v ?? null),
  termTimeOnly: checkbox,
  capacity: z.coerce
    .number({ message: e("capacity") })
    .int(e("capacity"))
    .min(1, e("capacity"))
    .max(MAX_CAPACITY, e("capacity")),
  bookingMode: z.enum(BOOKING_MODES, { errorMap: () => ({ message: e("bookingMode") }) }),
  placeUnit: z.enum(PLACE_UNITS, { errorMap: () => ({ message: e("placeUnit") }) }),
  ageMinMonths: ageMonths("ageMinMonths"),
  ageMaxMonths: ageMonths("ageMaxMonths"),
  forPregnancy: checkbox,
  languages: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const codes = [
        ...new Set(
          v
            .split(/[\s,]+/)
            .map((s) => s.trim().toLowerCase())
            .filter(Boolean),
        ),
      ];
      if (codes.length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: e("languagesRequired") });
      else if (codes.length > 20 || !codes.every(isLanguageCode)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: e("languages") });
      }
      return codes.join(",");
    }),
  sendFriendly: checkbox,
  cost: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().replace(/^£/, "").trim() : v),
    z
      .string()
      .default("")
      .transform((v, ctx) => {
        if (v === "") return 0;
        if (!/^\d{1,4}(\.\d{1,2})?$/.test(v) || Number(v) > MAX_COST_POUNDS) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: e("cost") });
          return 0;
        }
        const [pounds, pence = ""] = v.split(".");
        return Number(pounds) * 100 + Number(pence.padEnd(2, "0"));
      }),
  ),
  costNotes: z.string().trim().max(500, e("costNotesTooLong")).default(""),
} satisfies Record<SeriesField, z.ZodTypeAny>;

export const SeriesFormSchema = z.object(seriesFieldSchemas);

export type SeriesFormResult = { data: SeriesInput; errors: null } | { data: null; errors: Partial<Record<SeriesField | "form", string>> };

/** The submitted form's values as strings, with the checked weekdays joined by commas. */
export function seriesFormValues(form: FormData): SeriesFormValues {
  const values: SeriesFormValues = {};
  for (const field of SERIES_FIELDS) {
    if (field === "weekdays") values.weekdays = form.getAll("weekdays").map(String).join(",");
    else {
      const v = form.get(field);
      if (typeof v === "string") values[field] = v;
    }
  }
  return values;
}

/**
 * Parses a submitted series form. Every problem is reported at once, including the ones that
 * depend on more than one field (end after start, minimum age not above maximum…).
 */
export function parseSeriesForm(values: SeriesFormValues): SeriesFormResult {
  const parsed = SeriesFormSchema.safeParse(values);
  const errors: Partial<Record<SeriesField | "form", string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form") as SeriesField | "form";
      errors[field] ??= issue.message;
    }
  }
  // Checks across fields, run on the fields that parsed on their own.
  const one = <K extends SeriesField>(k: K) => {
    const r = seriesFieldSchemas[k].safeParse(values[k]);
    return r.success ? (r.data as z.output<(typeof seriesFieldSchemas)[K]>) : undefined;
  };
  const startTime = one("startTime");
  const endTime = one("endTime");
  if (startTime && endTime && endTime <= startTime) errors.endTime ??= e("endTimeBeforeStart");
  const startDate = one("startDate");
  const endDate = one("endDate");
  const weekdays = one("weekdays");
  if (startDate && endDate) {
    if (weekdays && weekdays.length === 0 && endDate !== startDate) errors.endDate ??= e("endDateOneOff");
    else if (endDate < startDate) errors.endDate ??= e("endDateBeforeStart");
  }
  const min = one("ageMinMonths");
  const max = one("ageMaxMonths");
  if (typeof min === "number" && typeof max === "number" && min > max) errors.ageMaxMonths ??= e("ageMaxBelowMin");

  if (!parsed.success || Object.keys(errors).length > 0) return { data: null, errors };
  const v = parsed.data;
  const oneOff = v.weekdays.length === 0;
  return {
    data: {
      typeSlug: v.type,
      title: v.title,
      description: v.description,
      whatToBring: v.whatToBring,
      facilitator: v.facilitator,
      weekdays: v.weekdays.join(","),
      startTime: v.startTime,
      endTime: v.endTime,
      startDate: v.startDate,
      // A one-off event runs on its start date only.
      endDate: oneOff ? v.startDate : v.endDate,
      // Term time means nothing for a single date the hub chose.
      termTimeOnly: oneOff ? false : v.termTimeOnly,
      capacity: v.capacity,
      bookingMode: v.bookingMode,
      placeUnit: v.placeUnit,
      ageMinMonths: v.ageMinMonths,
      ageMaxMonths: v.ageMaxMonths,
      forPregnancy: v.forPregnancy,
      languages: v.languages,
      sendFriendly: v.sendFriendly,
      costPence: v.cost,
      costNotes: v.costNotes,
    },
    errors: null,
  };
}

/** A stored series as form values, for the edit form. */
export function seriesToFormValues(s: Omit<SeriesInput, "typeSlug"> & { typeSlug: string }): SeriesFormValues {
  const oneOff = s.weekdays === "";
  return {
    type: s.typeSlug,
    title: s.title,
    description: s.description,
    whatToBring: s.whatToBring,
    facilitator: s.facilitator,
    weekdays: s.weekdays,
    startTime: s.startTime,
    endTime: s.endTime,
    startDate: s.startDate,
    endDate: oneOff ? "" : (s.endDate ?? ""),
    termTimeOnly: s.termTimeOnly ? "1" : "",
    capacity: String(s.capacity),
    bookingMode: s.bookingMode,
    placeUnit: s.placeUnit,
    ageMinMonths: s.ageMinMonths === null ? "" : String(s.ageMinMonths),
    ageMaxMonths: s.ageMaxMonths === null ? "" : String(s.ageMaxMonths),
    forPregnancy: s.forPregnancy ? "1" : "",
    languages: s.languages.split(",").filter(Boolean).join(", "),
    sendFriendly: s.sendFriendly ? "1" : "",
    cost: s.costPence === 0 ? "" : (s.costPence / 100).toFixed(2),
    costNotes: s.costNotes,
  };
}

/** Blank values for a new series. */
export const NEW_SERIES_VALUES: SeriesFormValues = {
  capacity: "12",
  bookingMode: "per-session",
  placeUnit: "child",
  languages: "en",
  termTimeOnly: "1",
};
