// Change a session series, or archive it. Saving regenerates its future dates: dates with bookings
// are never moved or deleted, only flagged for a person to decide (listed at the top of this page).
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireStaff, requireVenueAccess } from "~/auth/guards.server";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { SingleCheckbox } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/success-banner";
import { seriesErrorList, SeriesForm } from "~/components/series-form";
import { londonDate, startOfWeek } from "~/domain/dates";
import { horizonWeeks } from "~/models/occurrence-generation.server";
import { datesNeedingReview } from "~/models/occurrence.server";
import { getSeries, setSeriesStatus, updateSeries } from "~/models/series.server";
import { clockNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDate, formatTimeRange } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { IdParamsSchema } from "~/utils/params.server";
import { parseSeriesForm, seriesFormValues, type SeriesFormValues, seriesToFormValues } from "~/utils/series-form";
import { Tag } from "~/components/govuk/tag";
import { BackLink } from "~/components/govuk/back-link";
import { WarningText } from "~/components/govuk/warning-text";

export const handle = { i18n: ["staff", "timetable", "feeds"] };
export const meta = titleMeta;

const count = z.coerce.number().int().min(0).max(100_000).catch(0);
// The banner after a change: what was done, and what it meant for dates and families.
const DoneSchema = z.object({
  done: z.enum(["created", "saved", "archived", "restored"]).optional().catch(undefined),
  added: count,
  removed: count,
  moved: count,
  flagged: count,
  toWaiting: count,
  promoted: count,
});

const IntentSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("save") }),
    z.object({
      intent: z.literal("archive"),
      confirmArchive: z.literal("1", { errorMap: () => ({ message: "series.errors.confirmArchive" }) }),
    }),
    z.object({ intent: z.literal("restore") }),
  ],
  { errorMap: () => ({ message: "series.errors.intent" }) },
);

async function load(request: Request, params: unknown) {
  const user = await requireStaff(request, "timetable");
  const parsed = IdParamsSchema.safeParse(params);
  const found = parsed.success ? getSeries(getDb(), parsed.data.id) : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  requireVenueAccess(user, found.venue.id);
  return { user, ...found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { series, venue, typeSlug } = await load(request, params);
  const { t, title } = await translator(request, "timetable");
  const today = londonDate(now());
  const done = DoneSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({
    title: title(t("timetable:series.title", { title: series.title })),
    series: { id: series.id, title: series.title, status: series.status, startDate: series.startDate },
    venue: { slug: venue.slug, name: venue.name },
    values: seriesToFormValues({ ...series, typeSlug }),
    review: datesNeedingReview(getDb(), series.id, today).map((o) => ({ id: o.id, date: o.date, startTime: o.startTime, endTime: o.endTime })),
    done: done.done ? done : null,
    timetableWeek: startOfWeek(series.startDate > today ? series.startDate : today),
    // Imported from an Open Referral feed: the feed owns what the form edits (app/oruk/import).
    feed: series.feedSource ? { source: series.feedSource, withdrawnAt: series.feedWithdrawnAt } : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, series } = await load(request, params);
  const { t, title } = await translator(request, "timetable");
  const form = await request.formData();
  const values = seriesFormValues(form);
  const fail = (errors: Record<string, string>) =>
    json(
      {
        title: title(t("timetable:series.title", { title: series.title }), true),
        errors: Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(`timetable:${key}`)])),
        values,
      },
      { status: 400 },
    );
  const intent = IntentSchema.safeParse(Object.fromEntries(form));
  if (!intent.success) {
    const issue = intent.error.issues[0];
    return fail(issue.path[0] === "confirmArchive" ? { confirmArchive: issue.message } : { form: "series.errors.intent" });
  }
  const db = getDb();
  const clock = clockNow();
  const base = `/staff/series/${series.id}`;

  if (intent.data.intent === "archive" || intent.data.intent === "restore") {
    const archive = intent.data.intent === "archive";
    const dates = setSeriesStatus(db, user, series.id, archive ? "archived" : "active", clock, horizonWeeks());
    if (!dates) throw new Response("Not found", { status: 404 });
    const q = new URLSearchParams({
      done: archive ? "archived" : "restored",
      added: String(dates.added),
      removed: String(dates.removed),
      flagged: String(dates.flagged),
    });
    return redirect(`${base}?${q}`);
  }

  // The feed owns these fields: a change here would be undone by the next import.
  if (series.feedSource) {
    const error = (await translator(request, "feeds")).t("feeds:series.fromFeed", { source: series.feedSource });
    return json({ title: title(t("timetable:series.title", { title: series.title }), true), errors: { form: error }, values }, { status: 400 });
  }
  const parsed = parseSeriesForm(values);
  if (parsed.errors) return fail(parsed.errors as Record<string, string>);
  const outcome = updateSeries(db, user, series.id, parsed.data, clock, horizonWeeks());
  if (outcome.kind === "not-found") throw new Response("Not found", { status: 404 });
  if (outcome.kind === "error") return fail({ [outcome.field]: outcome.key });
  const q = new URLSearchParams({
    done: "saved",
    added: String(outcome.added),
    removed: String(outcome.removed),
    moved: String(outcome.moved),
    flagged: String(outcome.flagged),
    toWaiting: String(outcome.movedToWaiting),
    promoted: String(outcome.promoted),
  });
  return redirect(`${base}?${q}`);
}

export default function EditSeries() {
  const { series, venue, values: stored, review, done, timetableWeek, feed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("timetable");
  const lng = i18n.language;
  const errors: Record<string, string> = result?.errors ?? {};
  const values: SeriesFormValues = result && !errors.confirmArchive ? result.values : stored;
  const busy = navigation.state === "submitting";
  const archived = series.status === "archived";

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/staff/hubs/${venue.slug}/timetable?week=${timetableWeek}`}>{t("series.backToTimetable")}</BackLink>
        <ErrorSummary errors={seriesErrorList(errors, ["confirmArchive"])} />
        {done && !result && (
          <SuccessBanner title={t("banner.success")} heading={t(`series.done.${done.done}`)}>
            <ul className="govuk-list">
              {done.added > 0 && <li>{t("series.done.added", { count: done.added })}</li>}
              {done.moved > 0 && <li>{t("series.done.moved", { count: done.moved })}</li>}
              {done.removed > 0 && <li>{t("series.done.removed", { count: done.removed })}</li>}
              {done.flagged > 0 && <li>{t("series.done.flagged", { count: done.flagged })}</li>}
              {done.toWaiting > 0 && <li>{t("series.done.toWaiting", { count: done.toWaiting })}</li>}
              {done.promoted > 0 && <li>{t("series.done.promoted", { count: done.promoted })}</li>}
            </ul>
            <p className="govuk-body">
              <Link className="govuk-notification-banner__link" to={`/staff/hubs/${venue.slug}/timetable?week=${timetableWeek}`}>
                {t("series.seeTimetable")}
              </Link>
            </p>
          </SuccessBanner>
        )}
        <span className="govuk-caption-l">{venue.name}</span>
        <h1 className="govuk-heading-l">{t("series.heading", { title: series.title })}</h1>
        {archived && (
          <div className="govuk-inset-text">
            <Tag colour="grey">{t("status.archived")}</Tag> {t("series.archivedText")}
          </div>
        )}

        {feed && (
          <div className="govuk-inset-text">
            <p className="govuk-body">{t("feeds:series.fromFeed", { source: feed.source })}</p>
            {feed.withdrawnAt && (
              <p className="govuk-body">{t("feeds:series.withdrawn", { date: formatDate(feed.withdrawnAt.slice(0, 10), lng) })}</p>
            )}
          </div>
        )}

        {review.length > 0 && (
          <WarningText label={t("series.warning")} block>
            <h2 className="govuk-heading-s">{t("series.reviewHeading", { count: review.length })}</h2>
            <p className="govuk-body">{t("series.reviewText")}</p>
            <ul className="govuk-list">
              {review.map((o) => (
                <li key={o.id}>
                  <Link className="govuk-link" to={`/staff/occurrences/${o.id}`}>
                    {formatDate(o.date, lng)}, {formatTimeRange(o.startTime, o.endTime, lng)}
                  </Link>
                </li>
              ))}
            </ul>
          </WarningText>
        )}

        {archived ? (
          <Form method="post">
            <input type="hidden" name="intent" value="restore" />
            <p className="govuk-body">{t("series.restoreText")}</p>
            <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
              {t("series.restore")}
            </button>
          </Form>
        ) : (
          <>
            <p className="govuk-body">{t("series.intro")}</p>
            <p className="govuk-body">
              <Link className="govuk-link" to={`/staff/series/${series.id}/translations`}>
                {t("translations.link")}
              </Link>
            </p>
            {!feed && <SeriesForm values={values} errors={errors} submitLabel={t("series.submit")} busy={busy} />}

            <h2 className="govuk-heading-m" id="archive-heading">
              {t("series.archiveHeading")}
            </h2>
            <p className="govuk-body">{t("series.archiveText")}</p>
            <Form method="post" aria-labelledby="archive-heading">
              <input type="hidden" name="intent" value="archive" />
              <SingleCheckbox name="confirmArchive" label={t("series.confirmArchive")} error={errors.confirmArchive} small />
              <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button" disabled={busy}>
                {t("series.archive")}
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
