// The booking form's answers as a BookingRequest, and each booking outcome as the form's errors.
import type { TFunction } from "i18next";
import type { StaffUser } from "~/domain/permissions";
import type { BookingOutcome, BookingRequest } from "~/models/booking.server";
import { childFieldName } from "~/utils/booking-form";
import { OnBehalfSchema, parseBookingForm, submissionKeyFrom } from "~/utils/booking-form.server";

export type ActionResult = {
  errors: Record<string, string>;
  values: Record<string, string>;
  full?: { placesLeft: number };
  /**
   * The neutral answer to a contact that already holds this booking: no new booking, and nothing
   * that says whether that contact has booked (the page reads the same for either).
   */
  notice?: "check-messages";
};

/** Booking errors that read better addressed to the member of staff than to the family. */
const STAFF_WORDING: Record<string, string> = {
  "errors.name": "book.errors.name",
  "errors.contact": "book.errors.contact",
  "errors.contactInvalid": "book.errors.contact",
  "errors.duplicate": "book.errors.duplicate",
};

type SeriesRules = { id: number; bookingMode: string; placeUnit: string };

/**
 * The form's answers, checked: the family's booking, or the errors to show by each field. `staff`
 * is the member of staff booking on the family's behalf, with whether they may override the ages.
 */
export function bookingRequestFrom(
  values: Record<string, string>,
  opts: { series: SeriesRules; maxChildren: number; locale: string; t: TFunction; staff: { user: StaffUser; mayOverrideAge: boolean } | null },
): { errors: Record<string, string>; request?: undefined } | { errors?: undefined; request: BookingRequest } {
  const { series, maxChildren, t, staff } = opts;
  // For staff the family's agreement (familyAgreed, checked below) stands in for the consent box.
  const parsed = parseBookingForm(staff ? { ...values, consent: "yes" } : values, {
    maxChildren,
    childPlaces: series.placeUnit === "child",
    needsDate: series.bookingMode !== "course",
  });
  const staffFields = staff ? OnBehalfSchema.safeParse(values) : null;
  const errors: Record<string, string> = {};
  if (staffFields && !staffFields.success) {
    for (const issue of staffFields.error.issues) errors[String(issue.path[0] ?? "form")] ??= t(`outreach:${issue.message}`);
  }
  for (const [field, key] of Object.entries(parsed.errors ?? {})) {
    errors[field] ??= staff && STAFF_WORDING[key] ? t(`outreach:${STAFF_WORDING[key]}`) : t(`booking:${key}`);
  }
  if (!parsed.data || Object.keys(errors).length > 0) return { errors };
  const input = parsed.data;
  const extra = staffFields?.success ? staffFields.data : null;
  return {
    request: {
      seriesId: series.id,
      occurrenceId: input.occurrence ?? null,
      childAges: input.childAges,
      adults: input.adults,
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      accessNeeds: input.accessNeeds,
      homePostcode: input.homePostcode ?? null,
      // Messages go out in the family's language: for staff, the one chosen for the family.
      language: (staff && extra?.familyLanguage) || opts.locale,
      joinWaitingList: input.waitlist,
      maxChildren,
      submissionKey: submissionKeyFrom(values),
      ...(staff ? { onBehalfOf: { userId: staff.user.id }, allowAgeOverride: extra?.ageOverride === "yes" && staff.mayOverrideAge } : {}),
    },
  };
}

export type Refused = Exclude<BookingOutcome, { kind: "confirmed" } | { kind: "waiting" } | { kind: "repeat" }>;

/**
 * Why a booking was not made, as the form shows it: errors by field, the status, and the "full" or
 * "check your messages" notice. `seesRegister` is a member of staff booking on a family's behalf who
 * may see the date's register anyway: only they are told plainly that the family has booked already.
 * Everyone else (the public, outreach workers) gets the neutral notice, so an email address or mobile
 * number never reveals whether someone attends (a SEND group, say).
 */
export function refusal(
  outcome: Refused,
  t: TFunction,
  seesRegister: boolean,
): { errors: Record<string, string>; status: number; extra?: Partial<ActionResult> } {
  switch (outcome.kind) {
    case "full":
      return { errors: {}, status: 409, extra: { full: { placesLeft: outcome.placesLeft } } };
    case "duplicate":
      return seesRegister
        ? { errors: { email: t("outreach:book.errors.duplicate") }, status: 409 }
        : { errors: {}, status: 200, extra: { notice: "check-messages" } };
    case "age":
      return { errors: { [childFieldName(0)]: t("booking:errors.ageOutside") }, status: 400 };
    case "too-many":
      return { errors: { [childFieldName(0)]: t("booking:errors.tooMany", { count: outcome.max }) }, status: 400 };
    case "no-places-needed":
      return { errors: { adults: t("booking:errors.adults") }, status: 400 };
    case "not-bookable":
      return { errors: { occurrence: t(`booking:errors.notBookable.${outcome.reason}`) }, status: 409 };
  }
}
