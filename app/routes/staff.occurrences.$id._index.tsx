// One date of a session for staff: places booked, the waiting list, a link to the register, and
// the decisions about it: cancel (every booked and waiting family is told), reinstate, and for a
// date flagged after its series changed, keep it or remove it.
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireStaff, requireVenueAccess } from "~/auth/guards.server";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Textarea } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/success-banner";
import { startOfWeek } from "~/domain/dates";
import {
  cancelOccurrence,
  hasStarted,
  keepOccurrence,
  type OccurrenceChange,
  occurrenceDetail,
  reinstateOccurrence,
} from "~/models/occurrence.server";
import { clockNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { formatDate, formatTimeRange } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { IdParamsSchema } from "~/utils/params.server";
import { BackLink } from "~/components/govuk/back-link";
import { Tag } from "~/components/govuk/tag";

export const handle = { i18n: ["staff", "timetable"] };
export const meta = titleMeta;

const MAX_REASON = 500;

const reason = z
  .string({ message: "occurrence.errors.reason" })
  .trim()
  .min(1, "occurrence.errors.reason")
  .max(MAX_REASON, "occurrence.errors.reasonTooLong");

const IntentSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("cancel"), reason }),
    z.object({ intent: z.literal("reinstate") }),
    z.object({ intent: z.literal("keep") }),
    z.object({ intent: z.literal("remove"), reason }),
  ],
  { errorMap: () => ({ message: "occurrence.errors.intent" }) },
);

const DoneSchema = z.object({
  done: z.enum(["cancelled", "reinstated", "kept", "removed"]).optional().catch(undefined),
  told: z.coerce.number().int().min(0).max(100_000).catch(0),
});

async function load(request: Request, params: unknown) {
  const user = await requireStaff(request, "timetable");
  const parsed = IdParamsSchema.safeParse(params);
  const found = parsed.success ? occurrenceDetail(getDb(), parsed.data.id) : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  requireVenueAccess(user, found.venue.id);
  return { user, ...found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await load(request, params);
  const { occurrence: o, series, venue } = found;
  const { t, title, locale } = await translator(request, "timetable");
  const done = DoneSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({
    title: title(t("timetable:occurrence.title", { title: series.title, date: formatDate(o.date, locale) })),
    occurrence: {
      id: o.id,
      date: o.date,
      startTime: o.startTime,
      endTime: o.endTime,
      status: o.status,
      cancelReason: o.cancelReason,
      needsReview: o.needsReview,
      started: hasStarted(o, clockNow()),
    },
    series: { id: series.id, title: series.title, bookingMode: series.bookingMode, capacity: series.capacity, status: series.status },
    typeSlug: found.typeSlug,
    venue: { slug: venue.slug, name: venue.name },
    placesTaken: found.placesTaken,
    bookedFamilies: found.bookedFamilies,
    waitingFamilies: found.waitingFamilies,
    done: done.done ? done : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, occurrence, series } = await load(request, params);
  const { t, title, locale } = await translator(request, "timetable");
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  const fail = (errors: Record<string, string>) =>
    json(
      {
        title: title(t("timetable:occurrence.title", { title: series.title, date: formatDate(occurrence.date, locale) }), true),
        errors: Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(`timetable:${key}`)])),
        values: { reason: form.reason ?? "", intent: form.intent ?? "" },
      },
      { status: 400 },
    );
  const parsed = IntentSchema.safeParse(form);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(issue.path[0] === "reason" ? { reason: issue.message } : { form: "occurrence.errors.intent" });
  }
  const db = getDb();
  const clock = clockNow();
  const input = parsed.data;
  let outcome: OccurrenceChange;
  let done: string;
  switch (input.intent) {
    case "cancel":
      outcome = cancelOccurrence(db, user, occurrence.id, input.reason, clock, "cancel");
      done = "cancelled";
      break;
    case "remove":
      outcome = cancelOccurrence(db, user, occurrence.id, input.reason, clock, "remove");
      done = "removed";
      break;
    case "reinstate":
      outcome = reinstateOccurrence(db, user, occurrence.id, clock);
      done = "reinstated";
      break;
    case "keep":
      outcome = keepOccurrence(db, user, occurrence.id, clock);
      done = "kept";
      break;
  }
  switch (outcome.kind) {
    case "done":
      return redirect(`/staff/occurrences/${occurrence.id}?done=${done}&told=${outcome.told}`);
    case "not-found":
      throw new Response("Not found", { status: 404 });
    default:
      return fail({ form: `occurrence.errors.${outcome.kind}` });
  }
}

function ReasonField({ error, value, hint }: { error?: string; value?: string; hint: string }) {
  const { t } = useTranslation("timetable");
  return (
    <Textarea
      id="reason"
      name="reason"
      label={t("occurrence.reason")}
      labelClassName="govuk-label--s"
      hint={hint}
      error={error}
      rows={3}
      maxLength={MAX_REASON}
      defaultValue={value}
    />
  );
}

export default function Occurrence() {
  const data = useLoaderData<typeof loader>();
  const { occurrence: o, series, venue, done } = data;
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("timetable");
  const lng = i18n.language;
  const errors: Record<string, string> = result?.errors ?? {};
  const errorList = ["form", "reason"].filter((f) => errors[f]).map((f) => ({ href: f === "form" ? "#actions" : `#${f}`, text: errors[f] }));
  const busy = navigation.state === "submitting";
  const cancelled = o.status === "cancelled";
  const families = data.bookedFamilies + data.waitingFamilies;
  const timetable = `/staff/hubs/${venue.slug}/timetable?week=${startOfWeek(o.date)}`;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={timetable}>{t("series.backToTimetable")}</BackLink>
        <ErrorSummary errors={errorList} />
        {done && !result && (
          <SuccessBanner title={t("banner.success")} heading={t(`occurrence.done.${done.done}`)}>
            {(done.done === "cancelled" || done.done === "removed") && (
              <p className="govuk-body">{t("occurrence.done.told", { count: done.told })}</p>
            )}
          </SuccessBanner>
        )}
        <span className="govuk-caption-l">{venue.name}</span>
        <h1 className="govuk-heading-l">{series.title}</h1>

        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("occurrence.date")}</dt>
            <dd className="govuk-summary-list__value">{formatDate(o.date, lng)}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("occurrence.time")}</dt>
            <dd className="govuk-summary-list__value">{formatTimeRange(o.startTime, o.endTime, lng)}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("occurrence.series")}</dt>
            <dd className="govuk-summary-list__value">
              <Link className="govuk-link" to={`/staff/series/${series.id}`}>
                {series.title}
              </Link>{" "}
              ({t(`common:types.${data.typeSlug}`)})
              {series.status === "archived" && (
                <>
                  {" "}
                  <Tag colour="grey">{t("status.archived")}</Tag>
                </>
              )}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("occurrence.venue")}</dt>
            <dd className="govuk-summary-list__value">
              <Link className="govuk-link" to={timetable}>
                {venue.name}
              </Link>
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("occurrence.booked")}</dt>
            <dd className="govuk-summary-list__value">
              {series.bookingMode === "drop-in"
                ? t("week.dropIn")
                : t("occurrence.bookedValue", { taken: data.placesTaken, capacity: series.capacity, count: data.bookedFamilies })}
              {series.bookingMode === "course" && (
                <>
                  <br />
                  <span className="govuk-body-s">{t("occurrence.courseNote")}</span>
                </>
              )}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("occurrence.waiting")}</dt>
            <dd className="govuk-summary-list__value">{t("occurrence.waitingValue", { count: data.waitingFamilies })}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{t("occurrence.status")}</dt>
            <dd className="govuk-summary-list__value">
              {cancelled ? (
                <>
                  <Tag colour="red">{t("status.cancelled")}</Tag>
                  {o.cancelReason && (
                    <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                      {t("occurrence.cancelReason", { reason: o.cancelReason })}
                    </p>
                  )}
                </>
              ) : (
                <Tag colour="green">{t("status.scheduled")}</Tag>
              )}
              {o.needsReview && (
                <>
                  {" "}
                  <Tag colour="orange">{t("status.needsReview")}</Tag>
                </>
              )}
            </dd>
          </div>
        </dl>

        <p className="govuk-body">
          <Link className="govuk-link" to={`/staff/occurrences/${o.id}/register`}>
            {t("occurrence.register")}
          </Link>
        </p>

        <div id="actions" tabIndex={-1}>
          {errors.form && (
            <p className="govuk-error-message">
              <span className="govuk-visually-hidden">{t("common:errors.prefix")}</span> {errors.form}
            </p>
          )}

          {o.needsReview && (
            <>
              <h2 className="govuk-heading-m">{t("occurrence.reviewHeading")}</h2>
              <p className="govuk-body">{t("occurrence.reviewText")}</p>
              <Form method="post">
                <input type="hidden" name="intent" value="keep" />
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={busy}>
                  {t("occurrence.keep")}
                </button>
              </Form>
              {!o.started && !cancelled && (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <ReasonField error={errors.reason} value={result?.values.reason} hint={t("occurrence.reasonHint", { count: families })} />
                  <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button" disabled={busy}>
                    {t("occurrence.remove")}
                  </button>
                </Form>
              )}
            </>
          )}

          {!o.needsReview && !o.started && !cancelled && (
            <>
              <h2 className="govuk-heading-m">{t("occurrence.cancelHeading")}</h2>
              <Form method="post">
                <input type="hidden" name="intent" value="cancel" />
                <ReasonField error={errors.reason} value={result?.values.reason} hint={t("occurrence.reasonHint", { count: families })} />
                <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button" disabled={busy}>
                  {t("occurrence.cancel")}
                </button>
              </Form>
            </>
          )}

          {cancelled && !o.started && (
            <>
              <h2 className="govuk-heading-m">{t("occurrence.reinstateHeading")}</h2>
              <p className="govuk-body">{t("occurrence.reinstateText")}</p>
              <Form method="post">
                <input type="hidden" name="intent" value="reinstate" />
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button" disabled={busy}>
                  {t("occurrence.reinstate")}
                </button>
              </Form>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
