// A hub's timetable for staff: one week, Monday to Sunday, with places booked, the waiting list
// and what needs a decision; links to each date and to change its series.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff, requireStaffVenue } from "~/auth/guards.server";
import { BackLink } from "~/components/govuk/back-link";
import { Table } from "~/components/govuk/table";
import { Tag } from "~/components/govuk/tag";
import { addDays, londonDate, parseWeekdays, startOfWeek, WEEKDAY_SLUGS } from "~/domain/dates";
import { venueSeries } from "~/models/series.server";
import { staffWeek, type StaffWeekEntry } from "~/models/timetable.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDate, formatList, formatTimeRange, intlLocale } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { WeekParamSchema } from "~/utils/params.server";

export const handle = { i18n: ["staff", "timetable"] };
export const meta = titleMeta;

// ?week=YYYY-MM-DD (any day of the week); anything else shows this week.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "timetable");
  const db = getDb();
  const venue = requireStaffVenue(user, params.slug);
  const { t, title } = await translator(request, "timetable");
  const thisWeek = startOfWeek(londonDate(now()));
  const weekStart = WeekParamSchema.parse(new URL(request.url).searchParams.get("week") ?? undefined) ?? thisWeek;
  const entries = staffWeek(db, venue.id, weekStart, addDays(weekStart, 6));
  const series = venueSeries(db, venue.id).map((s) => ({ ...s, weekdays: parseWeekdays(s.weekdays) }));
  return json({
    title: title(t("timetable:week.title", { venue: venue.name })),
    venue: { slug: venue.slug, name: venue.name },
    weekStart,
    thisWeek,
    previousWeek: addDays(weekStart, -7),
    nextWeek: addDays(weekStart, 7),
    entries,
    series,
  });
}

function yearDate(iso: string, lng: string) {
  return new Intl.DateTimeFormat(intlLocale(lng), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

function StatusTags({ e }: { e: StaffWeekEntry }) {
  const { t } = useTranslation("timetable");
  return (
    <>
      {e.status === "cancelled" ? <Tag colour="red">{t("status.cancelled")}</Tag> : <Tag colour="green">{t("status.scheduled")}</Tag>}
      {e.needsReview && (
        <>
          {" "}
          <Tag colour="orange">{t("status.needsReview")}</Tag>
        </>
      )}
      {e.seriesStatus === "archived" && (
        <>
          {" "}
          <Tag colour="grey">{t("status.archived")}</Tag>
        </>
      )}
    </>
  );
}

export default function HubTimetable() {
  const { venue, weekStart, thisWeek, previousWeek, nextWeek, entries, series } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("timetable");
  const lng = i18n.language;
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const base = `/staff/hubs/${venue.slug}/timetable`;

  return (
    <>
      <BackLink to="/staff">{t("week.back")}</BackLink>
      <span className="govuk-caption-l">{venue.name}</span>
      <h1 className="govuk-heading-l">{t("week.heading")}</h1>
      <Link to={`/staff/series/new?venue=${venue.slug}`} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
        {t("week.addSeries")}
      </Link>

      <h2 className="govuk-heading-m" id="week-heading">
        {t("week.weekOf", { date: yearDate(weekStart, lng) })}
      </h2>
      <nav className="govuk-pagination govuk-pagination--block" aria-label={t("week.weeks")}>
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={`${base}?week=${previousWeek}`} rel="prev">
            <span className="govuk-pagination__link-title">{t("week.previous")}</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{t("week.weekOf", { date: yearDate(previousWeek, lng) })}</span>
          </Link>
        </div>
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={`${base}?week=${nextWeek}`} rel="next">
            <span className="govuk-pagination__link-title">{t("week.next")}</span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">{t("week.weekOf", { date: yearDate(nextWeek, lng) })}</span>
          </Link>
        </div>
      </nav>
      {weekStart !== thisWeek && (
        <p className="govuk-body">
          <Link className="govuk-link" to={base}>
            {t("week.thisWeek")}
          </Link>
        </p>
      )}

      {days.map((day) => {
        const list = entries.filter((e) => e.date === day);
        return (
          <section key={day} aria-labelledby={`day-${day}`}>
            <h3 className="govuk-heading-s" id={`day-${day}`}>
              {formatDate(day, lng)}
            </h3>
            {list.length === 0 ? (
              <p className="govuk-body app-muted">{t("week.nothingOn")}</p>
            ) : (
              <Table
                caption={t("week.caption", { date: formatDate(day, lng) })}
                captionHidden
                head={[
                  { content: t("week.time") },
                  { content: t("week.session") },
                  { content: t("week.type") },
                  { content: t("week.booked"), numeric: true },
                  { content: t("week.waiting"), numeric: true },
                  { content: t("week.status") },
                ]}
                rows={list.map((e) => ({
                  key: e.id,
                  cells: [
                    { content: formatTimeRange(e.startTime, e.endTime, lng) },
                    {
                      header: true,
                      content: (
                        <>
                          <Link className="govuk-link" to={`/staff/occurrences/${e.id}`}>
                            {e.title}
                          </Link>
                          <br />
                          <Link className="govuk-link govuk-body-s" to={`/staff/series/${e.seriesId}`}>
                            {t("week.editSeries")}
                            <span className="govuk-visually-hidden">: {e.title}</span>
                          </Link>
                        </>
                      ),
                    },
                    { content: t(`common:types.${e.typeSlug}`) },
                    {
                      numeric: true,
                      content: e.bookingMode === "drop-in" ? t("week.dropIn") : t("week.places", { taken: e.taken, capacity: e.capacity }),
                    },
                    { numeric: true, content: e.bookingMode === "drop-in" ? "–" : e.waiting },
                    { content: <StatusTags e={e} /> },
                  ],
                }))}
              />
            )}
          </section>
        );
      })}

      <h2 className="govuk-heading-m" id="all-series">
        {t("week.allSeries")}
      </h2>
      {series.length === 0 ? (
        <p className="govuk-body">{t("week.noSeries")}</p>
      ) : (
        <Table
          labelledBy="all-series"
          head={[t("week.session"), t("week.days"), t("week.time"), t("week.dates"), t("week.status")].map((content) => ({ content }))}
          rows={series.map((s) => ({
            key: s.id,
            cells: [
              {
                header: true,
                content: (
                  <>
                    <Link className="govuk-link" to={`/staff/series/${s.id}`}>
                      {s.title}
                    </Link>
                    <br />
                    <span className="govuk-body-s">{t(`common:types.${s.typeSlug}`)}</span>
                  </>
                ),
              },
              {
                content: (
                  <>
                    {s.weekdays.length === 0
                      ? t("week.oneOff")
                      : formatList(
                          s.weekdays.map((d) => t(`common:days.${WEEKDAY_SLUGS[d - 1]}`)),
                          lng,
                        )}
                    {s.termTimeOnly && s.weekdays.length > 0 && (
                      <>
                        <br />
                        <span className="govuk-body-s">{t("week.termTime")}</span>
                      </>
                    )}
                  </>
                ),
              },
              { content: formatTimeRange(s.startTime, s.endTime, lng) },
              {
                content:
                  s.weekdays.length === 0 || s.endDate === s.startDate
                    ? yearDate(s.startDate, lng)
                    : s.endDate
                      ? t("week.fromTo", { from: yearDate(s.startDate, lng), to: yearDate(s.endDate, lng) })
                      : t("week.fromOngoing", { from: yearDate(s.startDate, lng) }),
              },
              {
                content:
                  s.status === "archived" ? <Tag colour="grey">{t("status.archived")}</Tag> : <Tag colour="green">{t("status.active")}</Tag>,
              },
            ],
          }))}
        />
      )}
    </>
  );
}
