// A hub's timetable for staff: one week, Monday to Sunday, with places booked, the waiting list
// and what needs a decision; links to each date and to change its series.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff, requireStaffVenue } from "~/auth/guards.server";
import { addDays, londonDate, parseWeekdays, startOfWeek, WEEKDAY_SLUGS } from "~/domain/dates";
import { venueSeries } from "~/models/series.server";
import { staffWeek, type StaffWeekEntry } from "~/models/timetable.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDate, formatList, formatTimeRange } from "~/utils/format";
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
  return new Intl.DateTimeFormat(lng === "en" ? "en-GB" : lng, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

function StatusTags({ e }: { e: StaffWeekEntry }) {
  const { t } = useTranslation("timetable");
  return (
    <>
      {e.status === "cancelled" ? (
        <strong className="govuk-tag govuk-tag--red">{t("status.cancelled")}</strong>
      ) : (
        <strong className="govuk-tag govuk-tag--green">{t("status.scheduled")}</strong>
      )}
      {e.needsReview && (
        <>
          {" "}
          <strong className="govuk-tag govuk-tag--orange">{t("status.needsReview")}</strong>
        </>
      )}
      {e.seriesStatus === "archived" && (
        <>
          {" "}
          <strong className="govuk-tag govuk-tag--grey">{t("status.archived")}</strong>
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
      <Link className="govuk-back-link" to="/staff">
        {t("week.back")}
      </Link>
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
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">{t("week.caption", { date: formatDate(day, lng) })}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      {t("week.time")}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t("week.session")}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t("week.type")}
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      {t("week.booked")}
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      {t("week.waiting")}
                    </th>
                    <th scope="col" className="govuk-table__header">
                      {t("week.status")}
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {list.map((e) => (
                    <tr className="govuk-table__row" key={e.id}>
                      <td className="govuk-table__cell">{formatTimeRange(e.startTime, e.endTime, lng)}</td>
                      <th scope="row" className="govuk-table__header">
                        <Link className="govuk-link" to={`/staff/occurrences/${e.id}`}>
                          {e.title}
                        </Link>
                        <br />
                        <Link className="govuk-link govuk-body-s" to={`/staff/series/${e.seriesId}`}>
                          {t("week.editSeries")}
                          <span className="govuk-visually-hidden">: {e.title}</span>
                        </Link>
                      </th>
                      <td className="govuk-table__cell">{t(`common:types.${e.typeSlug}`)}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">
                        {e.bookingMode === "drop-in" ? t("week.dropIn") : t("week.places", { taken: e.taken, capacity: e.capacity })}
                      </td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{e.bookingMode === "drop-in" ? "–" : e.waiting}</td>
                      <td className="govuk-table__cell">
                        <StatusTags e={e} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
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
        <table className="govuk-table" aria-labelledby="all-series">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {t("week.session")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("week.days")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("week.time")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("week.dates")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("week.status")}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {series.map((s) => (
              <tr className="govuk-table__row" key={s.id}>
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={`/staff/series/${s.id}`}>
                    {s.title}
                  </Link>
                  <br />
                  <span className="govuk-body-s">{t(`common:types.${s.typeSlug}`)}</span>
                </th>
                <td className="govuk-table__cell">
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
                </td>
                <td className="govuk-table__cell">{formatTimeRange(s.startTime, s.endTime, lng)}</td>
                <td className="govuk-table__cell">
                  {s.weekdays.length === 0 || s.endDate === s.startDate
                    ? yearDate(s.startDate, lng)
                    : s.endDate
                      ? t("week.fromTo", { from: yearDate(s.startDate, lng), to: yearDate(s.endDate, lng) })
                      : t("week.fromOngoing", { from: yearDate(s.startDate, lng) })}
                </td>
                <td className="govuk-table__cell">
                  {s.status === "archived" ? (
                    <strong className="govuk-tag govuk-tag--grey">{t("status.archived")}</strong>
                  ) : (
                    <strong className="govuk-tag govuk-tag--green">{t("status.active")}</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
