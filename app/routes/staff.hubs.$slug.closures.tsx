// Days a hub is closed. No new sessions are generated on a closed day, but sessions already on
// the timetable are not cancelled here: staff cancel each one with a reason, so families are told.
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireStaff, requireStaffVenue } from "~/auth/guards.server";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { TextInput } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/success-banner";
import { WarningText } from "~/components/govuk/warning-text";
import { isValidIsoDate, londonDate } from "~/domain/dates";
import { addClosure, closureExists, deleteClosure, listFutureClosures } from "~/models/closure.server";
import { topUpOccurrences } from "~/models/occurrence-generation.server";
import { isUniqueViolation } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { env, now } from "~/utils/env.server";
import { issuesByField } from "~/utils/form-errors";
import { formatDayWithYear, formatTimeRange } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["staff", "admin"] };
export const meta = titleMeta;

const IntentSchema = z.enum(["add", "delete"]);
const DeleteSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});
const QuerySchema = z.object({ done: z.enum(["added", "deleted"]).optional().catch(undefined) });
const FIELDS = ["form", "date", "reason"] as const;

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

function addSchema(today: string) {
  return z.object({
    date: z.preprocess(
      trimmed,
      z
        .string({ message: "closures.errors.date" })
        .refine(isValidIsoDate, "closures.errors.date")
        .refine((d) => d >= today, "closures.errors.past"),
    ),
    reason: z.preprocess(
      trimmed,
      z.string({ message: "closures.errors.reasonRequired" }).min(1, "closures.errors.reasonRequired").max(200, "closures.errors.reasonLong"),
    ),
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "closures");
  const venue = requireStaffVenue(user, params.slug);
  const { t: tr, title, locale } = await translator(request, ["staff", "admin"]);
  const today = londonDate(now());
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({
    title: title(tr("admin:closures.title", { name: venue.name })),
    venue: { name: venue.name, slug: venue.slug },
    today,
    done: query.done ?? null,
    closures: listFutureClosures(getDb(), venue.id, today).map((c) => ({
      id: c.id,
      date: formatDayWithYear(c.date, locale),
      reason: c.reason,
      affected: c.affected.map((o) => ({
        id: o.id,
        title: o.title,
        time: formatTimeRange(o.startTime, o.endTime, locale),
        booked: o.booked,
      })),
    })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, "closures");
  const venue = requireStaffVenue(user, params.slug);
  const { t: tr, title } = await translator(request, ["staff", "admin"]);
  const db = getDb();
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  const fail = (keys: Record<string, string>, status = 400) =>
    json(
      {
        title: title(tr("admin:closures.title", { name: venue.name }), true),
        errors: Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, tr(`admin:${key}`)])),
        values: { date: form.date ?? "", reason: form.reason ?? "" },
      },
      { status },
    );
  const intent = IntentSchema.safeParse(form.intent);
  if (!intent.success) return fail({ form: "errors.intent" });
  const base = `/staff/hubs/${venue.slug}/closures`;

  if (intent.data === "delete") {
    const parsed = DeleteSchema.safeParse(form);
    const removed = parsed.success ? deleteClosure(db, user, venue.id, parsed.data.id) : null;
    if (!removed) return fail({ form: "closures.errors.notFound" }, parsed.success ? 404 : 400);
    // The day is open again: sessions that would have run that day can be generated now.
    topUpOccurrences(db, londonDate(now()), env().OCCURRENCE_HORIZON_WEEKS);
    return redirect(`${base}?done=deleted`);
  }

  const parsed = addSchema(londonDate(now())).safeParse(form);
  if (!parsed.success) return fail(issuesByField(parsed.error.issues));
  if (closureExists(db, venue.id, parsed.data.date)) return fail({ date: "closures.errors.exists" });
  try {
    addClosure(db, user, { venueId: venue.id, date: parsed.data.date, reason: parsed.data.reason });
  } catch (err) {
    if (isUniqueViolation(err)) return fail({ date: "closures.errors.exists" });
    throw err;
  }
  return redirect(`${base}?done=added`);
}

export default function Closures() {
  const { venue, closures, done, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values = (result?.values ?? {}) as Record<string, string>;
  const errorList = FIELDS.filter((f) => errors[f]).map((f) => ({ href: `#${f === "form" ? "add-closure" : f}`, text: errors[f] }));

  return (
    <>
      <ErrorSummary errors={errorList} />
      {done && !result && (
        <SuccessBanner title={t("closures.doneTitle")} heading={done === "added" ? t("closures.added") : t("closures.deleted")} />
      )}
      <span className="govuk-caption-l">{venue.name}</span>
      <h1 className="govuk-heading-l">{t("closures.heading")}</h1>
      <p className="govuk-body">{t("closures.intro")}</p>
      <WarningText label={t("closures.warning")}>{t("closures.notCancelled")}</WarningText>

      <h2 className="govuk-heading-m">{t("closures.upcoming")}</h2>
      {closures.length === 0 ? (
        <p className="govuk-body">{t("closures.none")}</p>
      ) : (
        <ul className="govuk-list">
          {closures.map((c) => (
            <li key={c.id} className="govuk-!-margin-bottom-6">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{c.date}</h3>
              <p className="govuk-body govuk-!-margin-bottom-2">{c.reason}</p>
              {c.affected.length === 0 ? (
                <p className="govuk-body">{t("closures.noneAffected")}</p>
              ) : (
                <>
                  <p className="govuk-body govuk-!-margin-bottom-1">{t("closures.affected", { count: c.affected.length })}</p>
                  <ul className="govuk-list govuk-list--bullet">
                    {c.affected.map((o) => (
                      <li key={o.id}>
                        <Link className="govuk-link" to={`/staff/occurrences/${o.id}`}>
                          {o.time} {o.title}
                          <span className="govuk-visually-hidden"> {t("closures.cancelContext", { date: c.date })}</span>
                        </Link>{" "}
                        <span className="govuk-body-s">({t("closures.booked", { count: o.booked })})</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <Form method="post" action={`/staff/hubs/${venue.slug}/closures`}>
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="id" value={c.id} />
                <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                  {t("closures.delete")}
                  <span className="govuk-visually-hidden"> {t("closures.deleteContext", { date: c.date })}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m" id="add-closure">
        {t("closures.addHeading")}
      </h2>
      <Form method="post" action={`/staff/hubs/${venue.slug}/closures`} noValidate aria-labelledby="add-closure">
        <input type="hidden" name="intent" value="add" />
        <TextInput
          id="date"
          name="date"
          label={t("closures.date")}
          hint={t("closures.dateHint", { today })}
          error={errors.date}
          defaultValue={values.date}
          className="govuk-input--width-10"
        />
        <TextInput
          id="reason"
          name="reason"
          label={t("closures.reason")}
          hint={t("closures.reasonHint")}
          error={errors.reason}
          defaultValue={values.reason}
        />
        <button type="submit" className="govuk-button">
          {t("closures.add")}
        </button>
      </Form>
    </>
  );
}
