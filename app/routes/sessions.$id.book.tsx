import { type ActionFunctionArgs, type HeadersFunction, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assertSameOrigin } from "~/auth/guards.server";
import { currentStaff } from "~/auth/sign-in.server";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Checkboxes, ErrorMessage, Radios, Select, SingleCheckbox, Textarea, TextInput } from "~/components/govuk/fields";
import { AgeRangeText } from "~/components/session-card";
import { EXPECTING, placesFor } from "~/domain/booking";
import { londonDate, londonTime } from "~/domain/dates";
import { worksAt, type StaffUser } from "~/domain/permissions";
import { CONTENT_LANGUAGE, LANGUAGE_NAMES, OFFERED_LANGUAGES } from "~/i18n";
import { audit } from "~/models/audit.server";
import { type BookingOutcome, type BookingRequest, createBooking } from "~/models/booking.server";
import { deliverSoon } from "~/models/notification.server";
import { listOccurrences } from "~/models/occurrence.server";
import { getSeries } from "~/models/series.server";
import { bookingFieldOrder, childAgeChoices, childFieldName } from "~/utils/booking-form";
import { BookingQuerySchema, OnBehalfSchema, parseBookingForm } from "~/utils/booking-form.server";
import { getDb } from "~/utils/db.server";
import { env, now } from "~/utils/env.server";
import { formatDate, formatTimeRange } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { IdParamsSchema } from "~/utils/params.server";
import { allow, clientKey } from "~/utils/rate-limit.server";

// "outreach" holds the texts only signed-in staff see (booking on a family's behalf).
export const handle = { i18n: ["booking", "venue", "outreach"] };
export const meta = titleMeta;
// The page differs for signed-in staff: never keep it in a shared cache.
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => {
  const cacheControl = actionHeaders.get("Cache-Control") ?? loaderHeaders.get("Cache-Control");
  return cacheControl ? { "Cache-Control": cacheControl } : new Headers();
};

/** Booking errors that read better addressed to the member of staff than to the family. */
const STAFF_WORDING: Record<string, string> = {
  "errors.name": "book.errors.name",
  "errors.contact": "book.errors.contact",
  "errors.duplicate": "book.errors.duplicate",
};

/** Hub people (and admins) may book a child outside the age range at a hub they work at; outreach never. */
function mayOverrideAge(user: StaffUser, venueId: number) {
  return user.role !== "outreach" && worksAt(user, venueId);
}

function loadSession(params: unknown) {
  const parsed = IdParamsSchema.safeParse(params);
  const found = parsed.success ? getSeries(getDb(), parsed.data.id) : undefined;
  if (!found || found.series.status !== "active") throw new Response("Not found", { status: 404 });
  const current = now();
  const today = londonDate(current);
  const time = londonTime(current);
  const dates = listOccurrences(getDb(), found.series.id, today).filter(
    (o) => !o.cancelled && (o.date > today || o.startTime > time),
  );
  return { ...found, dates, today };
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
      // Signed-in staff book on a family's behalf. Only their name leaves the server.
      staff: user ? { name: user.name, mayOverrideAge: mayOverrideAge(user, session.venue.id) } : null,
    },
    user ? { headers: { "Cache-Control": "private, no-store" } } : undefined,
  );
}

function pick(session: ReturnType<typeof loadSession>) {
  const { series, venue, typeSlug, dates } = session;
  return {
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

type ActionResult = {
  errors: Record<string, string>;
  values: Record<string, string>;
  full?: { placesLeft: number };
  notice?: string;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const session = loadSession(params);
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
      { errors, values, title: title(t("booking:form.title", { title: session.series.title }), true), ...extra },
      { status, headers: user ? { "Cache-Control": "private, no-store" } : undefined },
    );

  // Staff are limited per account (a hub's desk shares one address); everyone else per address.
  const allowed = onBehalf ? allow("book-staff", String(user.id), 30, 10 * 60_000) : allow("book", clientKey(request), 10, 10 * 60_000);
  if (!allowed) return fail({ form: t("booking:errors.rateLimited") }, 429);
  if (session.series.bookingMode === "drop-in") return fail({ form: t("booking:errors.dropIn") });

  const maxChildren = env().MAX_CHILDREN_PER_BOOKING;
  // For staff the family's agreement (familyAgreed, checked below) stands in for the consent box.
  const parsed = parseBookingForm(onBehalf ? { ...values, consent: "yes" } : values, {
    maxChildren,
    childPlaces: session.series.placeUnit === "child",
    needsDate: session.series.bookingMode !== "course",
  });
  const staffFields = onBehalf ? OnBehalfSchema.safeParse(values) : null;
  const errors: Record<string, string> = {};
  if (staffFields && !staffFields.success) {
    for (const issue of staffFields.error.issues) errors[String(issue.path[0] ?? "form")] ??= t(`outreach:${issue.message}`);
  }
  for (const [field, key] of Object.entries(parsed.errors ?? {})) {
    errors[field] ??= onBehalf && STAFF_WORDING[key] ? t(`outreach:${STAFF_WORDING[key]}`) : t(`booking:${key}`);
  }
  if (!parsed.data || Object.keys(errors).length > 0) return fail(errors);
  const input = parsed.data;
  const extra = staffFields?.success ? staffFields.data : null;
  const ageOverride = onBehalf && extra?.ageOverride === "yes" && mayOverrideAge(user, session.venue.id);

  const current = now();
  const db = getDb();
  const booking: BookingRequest = {
    seriesId: session.series.id,
    occurrenceId: input.occurrence ?? null,
    childAges: input.childAges,
    adults: input.adults,
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    accessNeeds: input.accessNeeds,
    // Messages go out in the family's language: for staff, the one chosen for the family.
    language: (onBehalf && extra?.familyLanguage) || locale,
    joinWaitingList: input.waitlist,
    maxChildren,
    ...(onBehalf ? { source: "staff" as const, createdByUserId: user.id, allowAgeOverride: ageOverride } : {}),
  };
  const at = { date: londonDate(current), time: londonTime(current), iso: current.toISOString() };
  const outcome: BookingOutcome = onBehalf
    ? // The booking and its audit entry are written together (the inner transaction is a savepoint).
      db.$client
        .transaction((): BookingOutcome => {
          const result = createBooking(db, booking, at);
          if (result.kind === "confirmed" || result.kind === "waiting") {
            // Never the family's contact details: the reference leads to them for those allowed.
            audit(db, user, {
              action: "booking.on-behalf",
              entityType: "booking",
              entityId: result.bookingId,
              venueId: session.venue.id,
              after: {
                reference: result.reference,
                status: result.kind,
                seriesId: session.series.id,
                occurrenceId: session.series.bookingMode === "course" ? null : booking.occurrenceId,
                places: placesFor(session.series.placeUnit, booking),
                language: booking.language,
                ageOverride,
              },
            });
          }
          return result;
        })
        .immediate()
    : createBooking(db, booking, at);

  switch (outcome.kind) {
    case "confirmed":
    case "waiting":
      deliverSoon(db);
      return redirect(`/bookings/${outcome.reference}?token=${outcome.token}&new=1`);
    case "full":
      return fail({}, 409, { full: { placesLeft: outcome.placesLeft } });
    case "duplicate":
      return fail({ email: onBehalf ? t("outreach:book.errors.duplicate") : t("booking:errors.duplicate") }, 409);
    case "age":
      return fail({ [childFieldName(0)]: t("booking:errors.ageOutside") });
    case "too-many":
      return fail({ [childFieldName(0)]: t("booking:errors.tooMany", { count: outcome.max }) });
    case "no-places-needed":
      return fail({ adults: t("booking:errors.adults") });
    case "not-bookable":
      return fail({ occurrence: t(`booking:errors.notBookable.${outcome.reason}`) }, 409);
  }
}

export default function Book() {
  const { series, venue, dates, selected, maxChildren, staff } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (ActionResult & { title: string }) | undefined;
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("booking");
  const lng = i18n.language;
  const values = result?.values ?? {};
  const errors = result?.errors ?? {};
  const fields = bookingFieldOrder(maxChildren);
  const afterChildren = fields.indexOf("adults");
  // Page order: staff see the family's agreement and language first, and the age override after the ages.
  const order = [
    "form",
    ...(staff ? ["familyAgreed", "familyLanguage"] : []),
    ...fields.slice(0, afterChildren),
    "ageOverride",
    ...fields.slice(afterChildren),
  ];
  const errorList = order
    .filter((f) => errors[f])
    .map((f) => ({ href: f === "form" ? "#book-form" : f === "occurrence" ? "#occurrence" : `#${f}`, text: errors[f] }));
  const ages = childAgeChoices(series.ageMaxMonths, series.forPregnancy);
  const isCourse = series.bookingMode === "course";
  const childPlaces = series.placeUnit === "child";

  if (series.bookingMode === "drop-in") {
    return (
      <>
        <h1 className="govuk-heading-l" lang={CONTENT_LANGUAGE}>
          {series.title}
        </h1>
        <p className="govuk-body">{t("venue:session.bookingExplained.drop-in")}</p>
        <Link className="govuk-link" to={`/sessions/${series.id}`}>
          {t("form.back")}
        </Link>
      </>
    );
  }

  const chosen = values.occurrence ?? (selected ? String(selected) : "");
  const familyLanguage = values.familyLanguage ?? ((OFFERED_LANGUAGES as string[]).includes(lng) ? lng : "en");

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={`/sessions/${series.id}`}>
          {t("form.back")}
        </Link>
        <ErrorSummary errors={errorList} />
        <span className="govuk-caption-l">{venue.kind === "online" ? t("common:session.online") : venue.name}</span>
        <h1 className="govuk-heading-l">{t("form.heading", { title: series.title })}</h1>
        <p className="govuk-body">
          {t("form.whoFor")}: <AgeRangeText range={series} />
        </p>
        {staff && (
          <div className="govuk-inset-text">
            <p className="govuk-body govuk-!-font-weight-bold">{t("outreach:book.inset")}</p>
            <p className="govuk-body govuk-!-margin-bottom-0">{t("outreach:book.insetBody", { name: staff.name })}</p>
          </div>
        )}

        {result?.full && (
          <div className="govuk-warning-text" role="alert">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">{t("form.warning")}</span>
              {t("form.fullTitle", { count: result.full.placesLeft })} {t("form.fullBody")}
            </strong>
          </div>
        )}

        <Form method="post" id="book-form" noValidate>
          {staff && (
            <>
              <input type="hidden" name="onBehalf" value="1" />
              <Checkboxes
                name="familyAgreed"
                legend={t("outreach:book.agreementLegend")}
                legendClassName="govuk-fieldset__legend--m"
                hint={t("outreach:book.agreementHint")}
                error={errors.familyAgreed}
                small
                options={[{ value: "yes", label: t("outreach:book.familyAgreed"), hint: <PrivacyLink /> }]}
                defaultValue={values.familyAgreed === "yes" ? ["yes"] : []}
              />
              <Select
                id="familyLanguage"
                name="familyLanguage"
                label={t("outreach:book.familyLanguage")}
                hint={t("outreach:book.familyLanguageHint")}
                error={errors.familyLanguage}
                defaultValue={familyLanguage}
                options={OFFERED_LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code], lang: code }))}
              />
            </>
          )}
          {isCourse ? (
            <div className="govuk-form-group">
              <h2 className="govuk-heading-m">{t("form.courseDates", { count: dates.length })}</h2>
              <ul className="govuk-list govuk-list--bullet">
                {dates.map((d) => (
                  <li key={d.id}>
                    {formatDate(d.date, lng)}, {formatTimeRange(d.startTime, d.endTime, lng)}
                  </li>
                ))}
              </ul>
              <p className="govuk-body">{t("form.courseExplained")}</p>
              <ErrorMessage id="occurrence" error={errors.occurrence} />
            </div>
          ) : (
            <Radios
              name="occurrence"
              legend={t("form.date")}
              legendClassName="govuk-fieldset__legend--m"
              hint={dates.length === 0 ? t("form.noDates") : undefined}
              error={errors.occurrence}
              small
              defaultValue={chosen}
              options={dates.map((d) => ({
                value: String(d.id),
                label: `${formatDate(d.date, lng)}, ${formatTimeRange(d.startTime, d.endTime, lng)}`,
                hint: d.placesLeft === 0 ? t("form.fullWaitingList") : t("common:session.placesLeft", { count: d.placesLeft ?? 0 }),
              }))}
            />
          )}

          <h2 className="govuk-heading-m">{t("form.whoIsComing")}</h2>
          {childPlaces ? (
            <>
              <p className="govuk-body">{t("form.childrenExplained", { count: maxChildren })}</p>
              {Array.from({ length: maxChildren }, (_, i) => {
                const name = childFieldName(i);
                return (
                  <Select
                    key={name}
                    id={name}
                    name={name}
                    label={t("form.childAge", { number: i + 1 })}
                    error={errors[name]}
                    defaultValue={values[name] ?? ""}
                    options={[
                      { value: "", label: i === 0 ? t("form.chooseAge") : t("form.noOtherChild") },
                      ...ages.map((m) => ({ value: m === EXPECTING ? "expecting" : String(m), label: ageLabel(m, t) })),
                    ]}
                  />
                );
              })}
              {staff?.mayOverrideAge && (
                <SingleCheckbox
                  name="ageOverride"
                  value="yes"
                  label={t("outreach:book.ageOverride")}
                  hint={t("outreach:book.ageOverrideHint")}
                  error={errors.ageOverride}
                  checked={values.ageOverride === "yes"}
                  small
                />
              )}
            </>
          ) : (
            <p className="govuk-body">{t("form.adultPlaces")}</p>
          )}

          <Select
            id="adults"
            name="adults"
            label={t("form.adults")}
            error={errors.adults}
            defaultValue={values.adults ?? "1"}
            options={["1", "2", "3", "4"].map((n) => ({ value: n, label: n }))}
          />

          <h2 className="govuk-heading-m">{staff ? t("outreach:book.familyDetails") : t("form.yourDetails")}</h2>
          <TextInput
            id="name"
            name="name"
            label={staff ? t("outreach:book.name") : t("form.name")}
            hint={t("form.nameHint")}
            error={errors.name}
            defaultValue={values.name}
            autoComplete="name"
            spellCheck={false}
          />
          <TextInput
            id="email"
            name="email"
            type="email"
            label={t("form.email")}
            hint={staff ? t("outreach:book.contactHint") : t("form.contactHint")}
            error={errors.email}
            defaultValue={values.email}
            autoComplete="email"
            spellCheck={false}
          />
          <TextInput
            id="phone"
            name="phone"
            type="tel"
            label={t("form.phone")}
            hint={staff ? t("outreach:book.phoneHint") : t("form.phoneHint")}
            error={errors.phone}
            defaultValue={values.phone}
            autoComplete="tel"
            className="govuk-input--width-20"
          />
          <Textarea
            id="accessNeeds"
            name="accessNeeds"
            label={staff ? t("outreach:book.accessNeeds") : t("form.accessNeeds")}
            hint={t("form.accessNeedsHint")}
            error={errors.accessNeeds}
            defaultValue={values.accessNeeds}
            rows={3}
          />
          <div className="app-honeypot" aria-hidden="true">
            <label htmlFor="website">{t("form.honeypot")}</label>
            <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          {!staff && (
            <SingleCheckbox
              name="consent"
              value="yes"
              label={t("form.consent")}
              hint={<PrivacyLink />}
              error={errors.consent}
              checked={values.consent === "yes"}
              small
            />
          )}
          {result?.full && <input type="hidden" name="waitlist" value="1" />}
          <button type="submit" className="govuk-button" disabled={navigation.state === "submitting"}>
            {result?.full ? t("form.joinWaitingList") : isCourse ? t("form.submitCourse") : t("form.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}

function ageLabel(months: number, t: (key: string, options?: Record<string, unknown>) => string) {
  if (months === EXPECTING) return t("form.ages.expecting");
  if (months < 24) return t("form.ages.months", { count: months });
  return t("form.ages.years", { count: months / 12 });
}

/** Beside the consent box; opens in a new tab so the half-filled form is not lost. */
function PrivacyLink() {
  const { t } = useTranslation("booking");
  return (
    <Link className="govuk-link" to="/privacy" target="_blank" rel="noreferrer">
      {t("form.privacyLink")}
    </Link>
  );
}
