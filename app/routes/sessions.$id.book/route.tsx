import { type ActionFunctionArgs, type HeadersFunction, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { assertSameOrigin } from "~/auth/guards.server";
import { currentStaff } from "~/auth/sign-in.server";
import { londonDate, londonTime } from "~/domain/dates";
import { may, type StaffUser, worksAt } from "~/domain/permissions";
import { seriesToBook, submitBooking } from "~/models/booking.server";
import { bookingFormPage } from "~/models/booking-form-page.server";
import { BookingQuerySchema, newSubmissionKey } from "~/utils/booking-form.server";
import { getDb } from "~/utils/db.server";
import { env, now } from "~/utils/env.server";
import { translator } from "~/utils/i18n.server";
import type { LightHandle } from "~/utils/light-pages";
import { titleMeta } from "~/utils/meta";
import { IdParamsSchema } from "~/utils/params.server";
import { allow, clientKey } from "~/utils/rate-limit.server";
import { BookForm } from "./book-form";
import { type ActionResult, bookingRequestFrom, refusal } from "./booking-request.server";

// "outreach" holds the texts only signed-in staff see (booking on a family's behalf).
// A plain form for families; staff booking on a family's behalf keep React.
export const handle = {
  i18n: ["booking", "venue", "outreach"],
  scripts: (data: unknown) => ((data as { staff?: unknown } | undefined)?.staff ? "all" : "none"),
} satisfies LightHandle & { i18n: string[] };
export const meta = titleMeta;
// The page differs for signed-in staff: never keep it in a shared cache.
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const cacheControl = actionHeaders.get("Cache-Control") ?? loaderHeaders.get("Cache-Control");
  return cacheControl ? { "Cache-Control": cacheControl } : new Headers();
};

/** Hub people (and admins) may book a child outside the age range at a hub they work at; outreach never. */
function mayOverrideAge(user: StaffUser, venueId: number) {
  return may(user, "age-override") && worksAt(user, venueId);
}

function loadSession(params: unknown) {
  const parsed = IdParamsSchema.safeParse(params);
  const current = now();
  const today = londonDate(current);
  const found = parsed.success ? bookingFormPage(getDb(), parsed.data.id, { date: today, time: londonTime(current) }) : undefined;
  if (!found || found.series.status !== "active") throw new Response("Not found", { status: 404 });
  return { ...found, today };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = loadSession(params);
  const { t, title } = await translator(request, "booking");
  const query = BookingQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const user = await currentStaff(request);
  return json(
    {
      title: title(t("booking:form.title", { title: session.series.title })),
      ...pick(session),
      selected: query.occurrence ?? null,
      maxChildren: env().MAX_CHILDREN_PER_BOOKING,
      submission: newSubmissionKey(),
      // Signed-in staff book on a family's behalf. Only their name leaves the server.
      staff: user ? { name: user.name, mayOverrideAge: mayOverrideAge(user, session.venue.id) } : null,
    },
    // Never from a cache: each form carries its own one-time key.
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

function pick(session: ReturnType<typeof loadSession>) {
  const { series, venue, typeSlug, dates, started } = session;
  return {
    started,
    series: {
      id: series.id,
      title: series.title,
      bookingMode: series.bookingMode,
      placeUnit: series.placeUnit,
      ageMinMonths: series.ageMinMonths,
      ageMaxMonths: series.ageMaxMonths,
      forPregnancy: series.forPregnancy,
    },
    venue: { name: venue.name, kind: venue.kind },
    typeSlug,
    // A course is booked whole, so only its dates are shown; otherwise the next 12 to choose from.
    dates: series.bookingMode === "course" ? dates : dates.slice(0, 12),
  };
}

/** The series a form posts to, read narrowly: the action needs its rules, not the page's dates. */
function bookable(params: unknown) {
  const parsed = IdParamsSchema.safeParse(params);
  const series = parsed.success ? seriesToBook(getDb(), parsed.data.id) : undefined;
  if (!series || series.status !== "active") throw new Response("Not found", { status: 404 });
  return series;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const series = bookable(params);
  const { t, title, locale } = await translator(request, ["booking", "outreach"]);
  const form = await request.formData();
  const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
  // On a family's behalf only when a member of staff is signed in: a signed-out onBehalf=1 is
  // ignored, so nobody can make a booking look as if staff made it.
  const user = await currentStaff(request);
  const onBehalf = user !== null && values.onBehalf === "1";
  if (onBehalf) assertSameOrigin(request);
  const fail = (errors: Record<string, string>, status = 400, extra: Partial<ActionResult> = {}) =>
    json(
      { errors, values, title: title(t("booking:form.title", { title: series.title }), true), ...extra },
      { status, headers: user ? { "Cache-Control": "private, no-store" } : undefined },
    );

  // Staff are limited per account (a hub's desk shares one address); everyone else per address.
  // Every post counts, valid or not; a valid one is counted in its booking's transaction (one commit).
  const admit = () =>
    onBehalf ? allow("book-staff", String(user.id), 30, 10 * 60_000) : allow("book", clientKey(request, context), 10, 10 * 60_000);
  const rateLimited = () => fail({ form: t("booking:errors.rateLimited") }, 429);
  const parsed =
    series.bookingMode === "drop-in"
      ? { errors: { form: t("booking:errors.dropIn") } }
      : bookingRequestFrom(values, {
          series,
          maxChildren: env().MAX_CHILDREN_PER_BOOKING,
          locale,
          t,
          staff: onBehalf ? { user, mayOverrideAge: mayOverrideAge(user, series.venueId) } : null,
        });
  if (!parsed.request) return admit() ? fail(parsed.errors) : rateLimited();

  const current = now();
  const at = { date: londonDate(current), time: londonTime(current), iso: current.toISOString() };
  const outcome = await submitBooking(getDb(), parsed.request, at, admit);
  if (!outcome) return rateLimited();
  // A repeat (the same form sent twice) lands on the same confirmation as the first send.
  if (outcome.kind === "confirmed" || outcome.kind === "waiting" || outcome.kind === "repeat") {
    return redirect(`/bookings/${outcome.reference}?token=${outcome.token}&new=1`);
  }
  const seesRegister = onBehalf && may(user, "register") && worksAt(user, series.venueId);
  const refused = refusal(outcome, t, seesRegister);
  if (refused.extra?.notice) {
    // Not an error page: it reads the same whether or not this contact has booked.
    return json(
      { errors: {}, values: {}, title: title(t("booking:checkMessages.title")), notice: refused.extra.notice },
      { status: refused.status, headers: user ? { "Cache-Control": "private, no-store" } : undefined },
    );
  }
  return fail(refused.errors, refused.status, refused.extra);
}

export default BookForm;
