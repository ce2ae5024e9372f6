// The register of one session date: who is booked, marking attended or no-show, walk-ins, the
// waiting list and totals; `?print=1` gives a paper register with tick boxes. Works without
// JavaScript: every change is a small form post, answered with a redirect back (PRG).
import { type ActionFunctionArgs, type HeadersFunction, json, type LoaderFunctionArgs, redirect, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireRegisterOccurrence, requireStaff } from "~/auth/guards.server";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Select, SingleCheckbox, TextInput } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/success-banner";
import { EXPECTING } from "~/domain/booking";
import { londonDate, registerIsOpen } from "~/domain/dates";
import { formatUkMobile } from "~/domain/phone";
import { parsePostcode } from "~/domain/postcode";
import { addWalkIn, describeAges, markAttendance, registerFor } from "~/models/register.server";
import { childAgeChoices } from "~/utils/booking-form";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDate, formatTimeRange } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["staff", "register"] };
export const meta = titleMeta;

// Families' names and phone numbers: never kept by a browser or a proxy.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const MAX_PEOPLE = 10;
const AGE_FIELDS = MAX_PEOPLE;
const ageField = (i: number) => `childAge${i + 1}`;
const MARKS = ["attended", "no-show", "clear"] as const;

const QuerySchema = z.object({
  print: z.literal("1").optional().catch(undefined),
  done: z.enum([...MARKS, "walk-in"]).optional().catch(undefined),
  booking: z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
});

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const headCount = (field: "children" | "adults") =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ required_error: `errors.${field}`, invalid_type_error: `errors.${field}` })
      .regex(/^\d{1,2}$/, `errors.${field}`)
      .transform(Number)
      .pipe(z.number().int().min(0, `errors.${field}`).max(MAX_PEOPLE, `errors.${field}`)),
  );

const childAge = z.preprocess(
  blankToUndefined,
  z
    .string({ invalid_type_error: "errors.childAge" })
    .refine((v) => v === "expecting" || (/^\d{1,3}$/.test(v) && Number(v) <= 300), "errors.childAge")
    .transform((v) => (v === "expecting" ? EXPECTING : Number(v)))
    .optional(),
);

const MarkSchema = z.object({
  intent: z.literal("mark"),
  booking: z
    .string({ required_error: "errors.mark", invalid_type_error: "errors.mark" })
    .regex(/^\d{1,10}$/, "errors.mark")
    .transform(Number)
    .pipe(z.number().int().positive("errors.mark").max(2 ** 31 - 1, "errors.mark")),
  status: z.enum(MARKS, { errorMap: () => ({ message: "errors.mark" }) }),
});

const WalkInSchema = z.object({
  intent: z.literal("walk-in"),
  name: z.preprocess(blankToUndefined, z.string().trim().max(80, "errors.nameTooLong").optional()),
  children: headCount("children"),
  adults: headCount("adults"),
  // Gathered from childAge1…childAge10 before parsing, so each message lands by its own field.
  childAges: z.array(childAge).max(AGE_FIELDS),
  postcode: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(12, "errors.postcode")
      .transform((v, ctx) => {
        const parsed = parsePostcode(v);
        if (!parsed) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.postcode" });
          return z.NEVER;
        }
        // The district only: enough for reach reports, not enough to find a family.
        return parsed.outcode;
      })
      .optional(),
  ),
  firstVisit: z.preprocess((v) => v === "yes", z.boolean()),
});

const ActionSchema = z
  .discriminatedUnion("intent", [MarkSchema, WalkInSchema], { errorMap: () => ({ message: "errors.intent" }) })
  .superRefine((v, ctx) => {
    if (v.intent !== "walk-in") return;
    const ages = v.childAges.filter((a) => a !== undefined);
    if (v.children + v.adults < 1) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["children"], message: "errors.nobody" });
    else if (ages.length > v.children) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["children"], message: "errors.moreAgesThanChildren" });
  });

/** Where each problem is shown: mark problems by the register table, walk-in ones by their field. */
function fieldFor(issue: z.ZodIssue): string {
  const [first, index] = issue.path;
  if (first === "childAges" && typeof index === "number") return ageField(index);
  if (first === "intent" || first === "booking" || first === "status" || first === undefined) return "register";
  return String(first);
}

const ERROR_ORDER = ["register", "name", "children", "adults", ...Array.from({ length: AGE_FIELDS }, (_, i) => ageField(i)), "postcode", "walkIn"];

function errorHref(field: string) {
  if (field === "register") return "#register";
  if (field === "walkIn") return "#walk-in";
  return `#${field}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "register");
  const found = requireRegisterOccurrence(user, params);
  const { t, title, locale } = await translator(request, "register");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const register = registerFor(getDb(), found.occurrence.id);
  if (!register) throw new Response("Not found", { status: 404 });
  const { occurrence, series, venue } = register;

  const entries = register.entries.map((e) => ({
    bookingId: e.bookingId,
    reference: e.reference,
    // Wiped after the retention period (models/retention): say so rather than show a blank.
    name: e.name || t("register:redacted"),
    places: e.places,
    children: e.children,
    adults: e.adults,
    ages: describeAges(e.childAges, t),
    accessNeeds: e.accessNeeds,
    phone: e.phone,
    phoneText: e.phone ? displayPhone(e.phone) : null,
    email: e.email,
    source: e.source,
    course: e.course,
    attendance: e.attendance,
  }));
  const doneName = query.booking === undefined ? null : (entries.find((e) => e.bookingId === query.booking)?.name ?? null);

  return json(
    {
      title: title(pageTitle(t, series.title, formatDate(occurrence.date, locale))),
      print: query.print === "1",
      done: query.done ? { kind: query.done, name: doneName } : null,
      occurrence: {
        id: occurrence.id,
        date: occurrence.date,
        startTime: occurrence.startTime,
        endTime: occurrence.endTime,
        cancelled: occurrence.status === "cancelled",
        cancelReason: occurrence.cancelReason,
        notYet: !registerIsOpen(occurrence.date, londonDate(now())),
      },
      series: { id: series.id, title: series.title, bookingMode: series.bookingMode, placeUnit: series.placeUnit },
      venue: { name: venue.name, slug: venue.slug },
      entries,
      waiting: register.waiting,
      walkIns: register.walkIns.map((w) => ({ ...w, ages: describeAges(w.childAges, t) })),
      totals: register.totals,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

type Translate = Awaited<ReturnType<typeof translator>>["t"];

function pageTitle(t: Translate, seriesTitle: string, date: string) {
  return t("register:title", { title: seriesTitle, date });
}

/** Stored as +447…; shown the way people write it (07700 900123). */
function displayPhone(phone: string) {
  return /^\+447\d{9}$/.test(phone) ? formatUkMobile(phone) : phone;
}

type ActionData = { title: string; errors: Record<string, string>; values: Record<string, string>; intent: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, "register");
  const found = requireRegisterOccurrence(user, params);
  const { t, title, locale } = await translator(request, "register");
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && key.length <= 40) values[key] = value.slice(0, 1000);
  const occurrenceId = found.occurrence.id;
  const fail = (errors: Record<string, string>, status = 400) =>
    json<ActionData>(
      {
        title: title(pageTitle(t, found.series.title, formatDate(found.occurrence.date, locale)), true),
        errors,
        values,
        intent: values.intent ?? null,
      },
      { status, headers: { "Cache-Control": "private, no-store" } },
    );

  const parsed = ActionSchema.safeParse({
    ...values,
    childAges: Array.from({ length: AGE_FIELDS }, (_, i) => values[ageField(i)] ?? ""),
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = fieldFor(issue);
      const key = issue.message.startsWith("errors.") ? issue.message : field === "register" ? "errors.mark" : "errors.invalid";
      errors[field] ??= t(`register:${key}`);
    }
    return fail(errors);
  }

  const base = `/staff/occurrences/${occurrenceId}/register`;
  const input = parsed.data;
  if (input.intent === "mark") {
    const outcome = markAttendance(getDb(), user, occurrenceId, input.booking, input.status === "clear" ? null : input.status);
    switch (outcome.kind) {
      case "ok":
        // Back to the same row, so a long register keeps its place.
        return redirect(`${base}?done=${input.status}&booking=${input.booking}#booking-${input.booking}`);
      case "not-on-register":
        return fail({ register: t("register:errors.notOnRegister") });
      case "cancelled":
        return fail({ register: t("register:errors.cancelled") }, 409);
      case "too-early":
        return fail({ register: t("register:errors.tooEarly") }, 409);
      case "not-found":
        throw new Response("Not found", { status: 404 });
    }
  }

  const outcome = addWalkIn(getDb(), user, occurrenceId, {
    name: input.name ?? "",
    children: input.children,
    adults: input.adults,
    childAges: input.childAges.filter((a): a is number => a !== undefined),
    outcode: input.postcode ?? null,
    firstVisit: input.firstVisit,
  });
  switch (outcome.kind) {
    case "ok":
      return redirect(`${base}?done=walk-in#walk-ins`);
    case "invalid":
      return fail({ walkIn: t("register:errors.walkIn") });
    case "cancelled":
      return fail({ walkIn: t("register:errors.cancelled") }, 409);
    case "too-early":
      return fail({ walkIn: t("register:errors.tooEarly") }, 409);
    case "not-found":
      throw new Response("Not found", { status: 404 });
  }
}

type Data = SerializeFrom<typeof loader>;

function StatusTag({ status }: { status: Data["entries"][number]["attendance"] }) {
  const { t } = useTranslation("register");
  if (status === "attended") return <strong className="govuk-tag govuk-tag--green">{t("status.attended")}</strong>;
  if (status === "no-show") return <strong className="govuk-tag govuk-tag--red">{t("status.no-show")}</strong>;
  return <strong className="govuk-tag govuk-tag--grey">{t("status.unmarked")}</strong>;
}

function bookedCounts(t: (key: string, options?: Record<string, unknown>) => string, totals: Data["totals"]) {
  return { families: t("totals.families", { count: totals.families }), places: t("places", { count: totals.bookedPlaces }) };
}

function Party({ children, adults }: { children: number; adults: number }) {
  const { t } = useTranslation("register");
  return (
    <>
      {t("party.children", { count: children })}, {t("party.adults", { count: adults })}
    </>
  );
}

export default function RegisterPage() {
  const data = useLoaderData<typeof loader>();
  return data.print ? <PrintRegister data={data} /> : <ScreenRegister data={data} />;
}

function ScreenRegister({ data }: { data: Data }) {
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { t, i18n } = useTranslation("register");
  const lng = i18n.language;
  const { occurrence, series, venue, entries, waiting, totals, done } = data;
  const errors = result?.errors ?? {};
  const errorList = ERROR_ORDER.filter((f) => errors[f]).map((f) => ({ href: errorHref(f), text: errors[f] }));
  const base = `/staff/occurrences/${occurrence.id}/register`;
  // Nothing to mark on a cancelled date, nor before the day itself.
  const readOnly = occurrence.cancelled || occurrence.notYet;

  return (
    <>
      <Link className="govuk-back-link" to="/staff">
        {t("back")}
      </Link>
      <ErrorSummary errors={errorList} />
      {done && !result && <DoneBanner done={done} />}

      <span className="govuk-caption-l">{venue.name}</span>
      <h1 className="govuk-heading-l">{t("heading", { title: series.title })}</h1>
      <p className="govuk-body-l">
        {formatDate(occurrence.date, lng)}, {formatTimeRange(occurrence.startTime, occurrence.endTime, lng)}
      </p>
      {occurrence.cancelled && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t("warning")}</span>
            {occurrence.cancelReason ? t("cancelledBecause", { reason: occurrence.cancelReason }) : t("cancelled")} {t("readOnly")}
          </strong>
        </div>
      )}
      {!occurrence.cancelled && occurrence.notYet && (
        <div className="govuk-inset-text">{t("notYet", { date: formatDate(occurrence.date, lng) })}</div>
      )}

      <ul className="govuk-list app-register__links">
        <li>
          <Link className="govuk-link" to={`${base}?print=1`}>
            {t("links.print")}
          </Link>
        </li>
        <li>
          <a className="govuk-link" href={`${base}.csv`} download>
            {t("links.csv")}
          </a>
        </li>
      </ul>

      <Totals totals={totals} />

      <div className={`govuk-form-group${errors.register ? " govuk-form-group--error" : ""}`} id="register" tabIndex={-1}>
        {errors.register && (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">{t("common:errors.prefix")}</span> {errors.register}
          </p>
        )}
        {entries.length === 0 ? (
          <>
            <h2 className="govuk-heading-m">{t("booked.heading")}</h2>
            <p className="govuk-body">{series.bookingMode === "drop-in" ? t("booked.dropIn") : t("booked.none")}</p>
          </>
        ) : (
          <div className="app-register__scroll" role="region" aria-labelledby="register-caption" tabIndex={0}>
            <table className="govuk-table app-register__table">
              <caption className="govuk-table__caption govuk-table__caption--m" id="register-caption">
                {t("booked.caption", bookedCounts(t, totals))}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t("columns.name")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("columns.party")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("columns.ages")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("columns.accessNeeds")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("columns.contact")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("columns.status")}
                  </th>
                  {!readOnly && (
                    <th scope="col" className="govuk-table__header">
                      {t("columns.mark")}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {entries.map((e) => (
                  <tr className="govuk-table__row" key={e.bookingId} id={`booking-${e.bookingId}`}>
                    <th scope="row" className="govuk-table__header">
                      {e.name}
                      <span className="govuk-body-s app-register__meta">
                        {e.reference}
                        {e.course && <> · {t("booked.course")}</>}
                        {e.source === "staff" && <> · {t("booked.byStaff")}</>}
                      </span>
                    </th>
                    <td className="govuk-table__cell">
                      <Party children={e.children} adults={e.adults} />
                    </td>
                    <td className="govuk-table__cell">{e.ages || t("none")}</td>
                    <td className="govuk-table__cell app-register__wrap">{e.accessNeeds || t("none")}</td>
                    <td className="govuk-table__cell app-register__wrap">
                      {e.phone && (
                        <a className="govuk-link" href={`tel:${e.phone}`}>
                          {e.phoneText}
                        </a>
                      )}
                      {e.phone && e.email && <br />}
                      {e.email && (
                        <a className="govuk-link" href={`mailto:${e.email}`}>
                          {e.email}
                        </a>
                      )}
                    </td>
                    <td className="govuk-table__cell">
                      <StatusTag status={e.attendance} />
                    </td>
                    {!readOnly && (
                      <td className="govuk-table__cell">
                        <MarkForm bookingId={e.bookingId} name={e.name} current={e.attendance} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>

      <WalkIns data={data} errors={errors} values={result?.intent === "walk-in" ? result.values : {}} />

      <h2 className="govuk-heading-m">{t("waiting.heading", { count: waiting.length })}</h2>
      {waiting.length === 0 ? (
        <p className="govuk-body">{t("waiting.none")}</p>
      ) : (
        <ol className="govuk-list govuk-list--number">
          {waiting.map((w) => (
            <li key={w.bookingId}>
              {w.name} ({t("places", { count: w.places })})
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function DoneBanner({ done }: { done: NonNullable<Data["done"]> }) {
  const { t } = useTranslation("register");
  const message =
    done.kind === "walk-in"
      ? t("done.walk-in")
      : done.name
        ? done.kind === "attended"
          ? t("done.attended", { name: done.name })
          : done.kind === "no-show"
            ? t("done.no-show", { name: done.name })
            : t("done.clear", { name: done.name })
        : t("done.saved");
  return (
    <SuccessBanner title={t("done.title")} heading={message} />
  );
}

function MarkForm({ bookingId, name, current }: { bookingId: number; name: string; current: "attended" | "no-show" | null }) {
  const { t } = useTranslation("register");
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="mark" />
      <input type="hidden" name="booking" value={bookingId} />
      <div className="govuk-button-group app-register__buttons">
        {current !== "attended" && (
          <button type="submit" name="status" value="attended" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("mark.attended")} <span className="govuk-visually-hidden">{name}</span>
          </button>
        )}
        {current !== "no-show" && (
          <button type="submit" name="status" value="no-show" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("mark.no-show")} <span className="govuk-visually-hidden">{name}</span>
          </button>
        )}
        {current !== null && (
          <button type="submit" name="status" value="clear" className="govuk-button govuk-button--warning" data-module="govuk-button">
            {t("mark.clear")} <span className="govuk-visually-hidden">{name}</span>
          </button>
        )}
      </div>
    </Form>
  );
}

function Totals({ totals }: { totals: Data["totals"] }) {
  const { t } = useTranslation("register");
  const withParty = (families: number, children: number, adults: number) =>
    t("totals.withParty", {
      families: t("totals.families", { count: families }),
      children: t("party.children", { count: children }),
      adults: t("party.adults", { count: adults }),
    });
  const rows: [string, string][] = [
    [t("totals.booked"), t("totals.bookedValue", bookedCounts(t, totals))],
    [t("totals.attended"), withParty(totals.attended, totals.attendedChildren, totals.attendedAdults)],
    [t("totals.noShow"), t("totals.families", { count: totals.noShow })],
    [t("totals.unmarked"), t("totals.families", { count: totals.unmarked })],
    [t("totals.walkIns"), withParty(totals.walkIns, totals.walkInChildren, totals.walkInAdults)],
  ];
  return (
    <>
      <h2 className="govuk-heading-m">{t("totals.heading")}</h2>
      <dl className="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function ageLabel(months: number, t: (key: string, options?: Record<string, unknown>) => string) {
  if (months === EXPECTING) return t("ages.expecting");
  if (months < 24) return t("ages.months", { count: months });
  return t("ages.years", { count: months / 12 });
}

function WalkIns({ data, errors, values }: { data: Data; errors: Record<string, string>; values: Record<string, string> }) {
  const { t } = useTranslation("register");
  const { walkIns, occurrence } = data;
  const counts = Array.from({ length: MAX_PEOPLE + 1 }, (_, n) => ({ value: String(n), label: String(n) }));
  // Brothers and sisters come too: ages up to 19 years, and a baby on the way.
  const ageOptions = [
    { value: "", label: t("walkIn.ageUnknown") },
    ...childAgeChoices(19 * 12, true).map((m) => ({ value: m === EXPECTING ? "expecting" : String(m), label: ageLabel(m, t) })),
  ];
  const ageFields = Array.from({ length: AGE_FIELDS }, (_, i) => ageField(i));
  const agesOpen = ageFields.some((f) => errors[f] || values[f]);
  return (
    <>
      <h2 className="govuk-heading-m" id="walk-ins" tabIndex={-1}>
        {t("walkIns.heading")}
      </h2>
      {walkIns.length === 0 ? (
        <p className="govuk-body">{t("walkIns.none")}</p>
      ) : (
        <div className="app-register__scroll" role="region" aria-labelledby="walk-ins-caption" tabIndex={0}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s" id="walk-ins-caption">
              {t("walkIns.caption", { count: walkIns.length })}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t("columns.name")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("columns.party")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("columns.ages")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("columns.outcode")}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t("columns.firstVisit")}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {walkIns.map((w) => (
                <tr className="govuk-table__row" key={w.id}>
                  <th scope="row" className="govuk-table__header">
                    {w.name || t("walkIns.noName")}
                  </th>
                  <td className="govuk-table__cell">
                    <Party children={w.children} adults={w.adults} />
                  </td>
                  <td className="govuk-table__cell">{w.ages || t("none")}</td>
                  <td className="govuk-table__cell">{w.outcode ?? t("none")}</td>
                  <td className="govuk-table__cell">{w.firstVisit ? t("yes") : t("no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {!occurrence.cancelled && !occurrence.notYet && (
        // A new key after each walk-in is added empties the form for the next family.
        <Form method="post" noValidate id="walk-in" key={walkIns.length} className="app-register__walk-in">
          <input type="hidden" name="intent" value="walk-in" />
          <h3 className="govuk-heading-s">{t("walkIn.heading")}</h3>
          {errors.walkIn && (
            <p className="govuk-error-message">
              <span className="govuk-visually-hidden">{t("common:errors.prefix")}</span> {errors.walkIn}
            </p>
          )}
          <TextInput
            id="name"
            name="name"
            label={t("walkIn.name")}
            hint={t("walkIn.nameHint")}
            error={errors.name}
            defaultValue={values.name}
            className="govuk-!-width-one-half"
            autoComplete="off"
            spellCheck={false}
          />
          <div className="app-register__counts">
            <Select id="children" name="children" label={t("walkIn.children")} options={counts} defaultValue={values.children ?? "1"} error={errors.children} />
            <Select id="adults" name="adults" label={t("walkIn.adults")} options={counts} defaultValue={values.adults ?? "1"} error={errors.adults} />
          </div>
          <details className="govuk-details" open={agesOpen || undefined}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">{t("walkIn.agesSummary")}</span>
            </summary>
            <div className="govuk-details__text">
              <fieldset className="govuk-fieldset" aria-describedby="ages-hint">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("walkIn.agesLegend")}</legend>
                <div id="ages-hint" className="govuk-hint">
                  {t("walkIn.agesHint")}
                </div>
                <div className="app-register__ages">
                  {ageFields.map((f, i) => (
                    <Select
                      key={f}
                      id={f}
                      name={f}
                      label={t("walkIn.childAge", { number: i + 1 })}
                      options={ageOptions}
                      defaultValue={values[f] ?? ""}
                      error={errors[f]}
                    />
                  ))}
                </div>
              </fieldset>
            </div>
          </details>
          <TextInput
            id="postcode"
            name="postcode"
            label={t("walkIn.postcode")}
            hint={t("walkIn.postcodeHint")}
            error={errors.postcode}
            defaultValue={values.postcode}
            className="govuk-input--width-10"
            autoComplete="off"
            spellCheck={false}
          />
          <SingleCheckbox name="firstVisit" value="yes" label={t("walkIn.firstVisit")} checked={values.firstVisit === "yes"} small />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("walkIn.submit")}
          </button>
        </Form>
      )}
    </>
  );
}

/** A paper register: large type, no forms, a tick box per family and blank rows for walk-ins. */
function PrintRegister({ data }: { data: Data }) {
  const { t, i18n } = useTranslation("register");
  const lng = i18n.language;
  const { occurrence, series, venue, entries, waiting, walkIns, totals } = data;
  const blankRows = Math.max(6, 10 - walkIns.length);
  return (
    <div className="app-register-print">
      <p className="govuk-body app-register-print__screen-only">
        <Link className="govuk-link" to={`/staff/occurrences/${occurrence.id}/register`}>
          {t("print.back")}
        </Link>{" "}
        · {t("print.howTo")}
      </p>
      <h1 className="govuk-heading-l">{series.title}</h1>
      <p className="govuk-body-l">
        {venue.name}
        <br />
        {formatDate(occurrence.date, lng)}, {formatTimeRange(occurrence.startTime, occurrence.endTime, lng)}
      </p>
      {occurrence.cancelled && (
        <p className="govuk-body-l">
          <strong>{occurrence.cancelReason ? t("cancelledBecause", { reason: occurrence.cancelReason }) : t("cancelled")}</strong>
        </p>
      )}
      <p className="govuk-body">{t("totals.bookedValue", bookedCounts(t, totals))}</p>

      <table className="govuk-table app-register-print__table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("booked.caption", bookedCounts(t, totals))}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header app-register-print__tick">
              {t("print.here")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("columns.name")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("columns.party")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("columns.ages")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("columns.accessNeeds")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("columns.phone")}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {entries.length === 0 && (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={6}>
                {t("booked.none")}
              </td>
            </tr>
          )}
          {entries.map((e) => (
            <tr className="govuk-table__row" key={e.bookingId}>
              <td className="govuk-table__cell app-register-print__tick">
                <span className="app-register-print__box" aria-hidden="true" />
              </td>
              <th scope="row" className="govuk-table__header">
                {e.name}
                <span className="app-register__meta">
                  {e.reference}
                  {e.course && <> · {t("booked.course")}</>}
                </span>
              </th>
              <td className="govuk-table__cell">
                <Party children={e.children} adults={e.adults} />
              </td>
              <td className="govuk-table__cell">{e.ages || t("none")}</td>
              <td className="govuk-table__cell app-register__wrap">{e.accessNeeds}</td>
              <td className="govuk-table__cell">{e.phoneText}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <table className="govuk-table app-register-print__table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("walkIns.heading")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {t("columns.name")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("columns.children")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("columns.ages")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("columns.adults")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("columns.outcode")}
            </th>
            <th scope="col" className="govuk-table__header app-register-print__tick">
              {t("columns.firstVisit")}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {walkIns.map((w) => (
            <tr className="govuk-table__row" key={w.id}>
              <td className="govuk-table__cell">{w.name || t("walkIns.noName")}</td>
              <td className="govuk-table__cell">{w.children}</td>
              <td className="govuk-table__cell">{w.ages}</td>
              <td className="govuk-table__cell">{w.adults}</td>
              <td className="govuk-table__cell">{w.outcode}</td>
              <td className="govuk-table__cell app-register-print__tick">{w.firstVisit ? t("yes") : t("no")}</td>
            </tr>
          ))}
          {Array.from({ length: blankRows }, (_, i) => (
            <tr className="govuk-table__row app-register-print__blank" key={`blank-${i}`}>
              {Array.from({ length: 5 }, (_, j) => (
                <td className="govuk-table__cell" key={j} />
              ))}
              <td className="govuk-table__cell app-register-print__tick">
                <span className="app-register-print__box" aria-hidden="true" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {waiting.length > 0 && (
        <>
          <h2 className="govuk-heading-m">{t("waiting.heading", { count: waiting.length })}</h2>
          <ol className="govuk-list govuk-list--number">
            {waiting.map((w) => (
              <li key={w.bookingId}>
                {w.name} ({t("places", { count: w.places })})
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
