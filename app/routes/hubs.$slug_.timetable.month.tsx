// A hub's month as a calendar: /hubs/:slug/timetable/month?month=2026-11. A table with a column
// per weekday and the sessions listed in each day; links to print any of its weeks.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PrintButton } from "~/components/copy-button";
import { BackLink } from "~/components/govuk/back-link";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Table } from "~/components/govuk/table";
import { Tag } from "~/components/govuk/tag";
import { PeriodForm } from "~/components/share-panel";
import { addDays, londonDate, startOfWeek, WEEKDAY_SLUGS } from "~/domain/dates";
import { addMonths, endOfMonth, formatIsoWeek, formatMonth, monthWeeks } from "~/domain/iso-week";
import { CONTENT_ATTRIBUTES } from "~/i18n";
import { timetableBetween } from "~/models/timetable.server";
import { getVenue } from "~/models/venue.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDate, formatDateRange, formatMonthYear, formatTimeRange } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { monthParam, SlugParamsSchema } from "~/utils/params.server";

export const handle = { i18n: ["share"] };
export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = SlugParamsSchema.safeParse(params);
  const db = getDb();
  const found = parsed.success ? getVenue(db, parsed.data.slug) : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  const { t, title, locale } = await translator(request, "share");
  const { venue } = found;
  const { monthStart, raw } = monthParam(new URL(request.url).searchParams);
  if (!monthStart) {
    return json(
      {
        title: title(t("share:month.errorTitle", { name: venue.name }), true),
        slug: venue.slug,
        name: venue.name,
        isSample: venue.isSample,
        error: t("share:month.errors.month", { example: formatMonth(londonDate(now())) }),
        value: raw,
        example: formatMonth(londonDate(now())),
        month: null,
      },
      { status: 400 },
    );
  }
  const rows = timetableBetween(db, { venueId: venue.id }, monthStart, endOfMonth(monthStart));
  const monthName = formatMonthYear(monthStart, locale);
  const weeks = monthWeeks(monthStart).map((days) => {
    const weekStart = startOfWeek(days.find((d) => d !== null) as string);
    return {
      week: formatIsoWeek(weekStart),
      label: formatDateRange(weekStart, addDays(weekStart, 6), locale),
      days: days.map((date) =>
        date === null
          ? null
          : {
              date,
              day: Number(date.slice(8)),
              label: formatDate(date, locale),
              sessions: rows
                .filter((r) => r.occurrence.date === date)
                .map((r) => ({
                  id: r.occurrence.id,
                  seriesId: r.series.id,
                  time: formatTimeRange(r.occurrence.startTime, r.occurrence.endTime, locale),
                  title: r.series.title,
                  cancelled: r.occurrence.status === "cancelled",
                })),
            },
      ),
    };
  });
  return json({
    title: title(t("share:month.title", { name: venue.name, month: monthName })),
    slug: venue.slug,
    name: venue.name,
    isSample: venue.isSample,
    error: null as string | null,
    value: formatMonth(monthStart),
    example: formatMonth(londonDate(now())),
    month: {
      name: monthName,
      weeks,
      count: rows.filter((r) => r.occurrence.status !== "cancelled").length,
      prev: formatMonth(addMonths(monthStart, -1)),
      next: formatMonth(addMonths(monthStart, 1)),
      prevName: formatMonthYear(addMonths(monthStart, -1), locale),
      nextName: formatMonthYear(addMonths(monthStart, 1), locale),
    },
  });
}

export default function HubMonth() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("share");
  const back = (
    <BackLink className="app-print__screen-only" to={`/hubs/${data.slug}`}>
      {t("print.backToHub", { name: data.name })}
    </BackLink>
  );
  if (!data.month) {
    return (
      <>
        <ErrorSummary errors={[{ href: "#month", text: data.error ?? "" }]} />
        {back}
        <h1 className="govuk-heading-l">{t("month.errorTitle", { name: data.name })}</h1>
        <PeriodForm period="month" value={data.value} example={data.example} error={data.error ?? undefined} />
      </>
    );
  }
  const { month } = data;
  return (
    <div className="app-month">
      {back}
      <span className="govuk-caption-l">{data.name}</span>
      <h1 className="govuk-heading-l">{t("month.heading", { month: month.name })}</h1>
      {data.isSample && <p className="govuk-inset-text">{t("common:layout.sampleVenue")}</p>}
      <p className="govuk-body">{t("month.count", { count: month.count })}</p>
      <nav className="govuk-pagination govuk-pagination--block app-print__screen-only" aria-label={t("month.otherMonths")}>
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={`?month=${month.prev}`} rel="prev">
            <span className="govuk-pagination__link-title">{t("month.previous")}</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{month.prevName}</span>
          </Link>
        </div>
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={`?month=${month.next}`} rel="next">
            <span className="govuk-pagination__link-title">{t("month.next")}</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{month.nextName}</span>
          </Link>
        </div>
      </nav>
      <div className="app-month__scroll" tabIndex={0} role="region" aria-labelledby="month-caption">
        <Table
          className="app-month__table"
          caption={t("month.caption", { name: data.name, month: month.name })}
          captionSize="m"
          captionId="month-caption"
          head={WEEKDAY_SLUGS.map((d) => ({ content: t(`common:days.${d}`), className: "app-month__weekday" }))}
          rows={month.weeks.map((week) => ({
            key: week.week,
            cells: week.days.map((day) =>
              day === null
                ? { className: "app-month__blank" }
                : {
                    className: "app-month__day",
                    content: (
                      <>
                        <span className="app-month__date" aria-hidden="true">
                          {day.day}
                        </span>
                        <span className="govuk-visually-hidden">{day.label}</span>
                        {day.sessions.length > 0 && (
                          <ul className="govuk-list app-month__sessions">
                            {day.sessions.map((s) => (
                              <li key={s.id} className="app-month__session">
                                <span className="app-month__time">{s.time}</span>{" "}
                                <Link className="govuk-link" to={`/sessions/${s.seriesId}`} {...CONTENT_ATTRIBUTES}>
                                  {s.title}
                                </Link>
                                {s.cancelled && (
                                  <>
                                    {" "}
                                    <Tag colour="red">{t("common:session.cancelled")}</Tag>
                                  </>
                                )}
                              </li>
                            ))}
                          </ul>
                        )}
                      </>
                    ),
                  },
            ),
          }))}
        />
      </div>
      <div className="app-print__screen-only">
        <h2 className="govuk-heading-m">{t("month.printHeading")}</h2>
        <p className="govuk-body">{t("month.printHint")}</p>
        <PrintButton label={t("month.printButton")} />
        <ul className="govuk-list">
          {month.weeks.map((week) => (
            <li key={week.week}>
              <Link className="govuk-link" to={`/hubs/${data.slug}/timetable/print?week=${week.week}`}>
                {t("month.printWeek", { dates: week.label })}
              </Link>
            </li>
          ))}
        </ul>
        <PeriodForm period="month" value={data.value} example={data.example} />
      </div>
    </div>
  );
}
