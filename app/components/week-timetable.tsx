import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Tag } from "~/components/govuk/tag";
import { addDays } from "~/domain/dates";
import { CONTENT_ATTRIBUTES } from "~/i18n";
import { formatDate, formatTimeRange } from "~/utils/format";
import { AgeRangeText, PlacesLeft } from "./session-card";

export type TimetableEntry = {
  occurrence: { id: number; date: string; startTime: string; endTime: string; status: string; cancelReason: string };
  series: {
    id: number;
    title: string;
    bookingMode: string;
    ageMinMonths: number | null;
    ageMaxMonths: number | null;
    forPregnancy: boolean;
  };
  typeSlug: string;
  placesLeft: number | null;
};

/** One week, a day per section; days with nothing on say so rather than disappearing. */
export function WeekTimetable({ weekStart, entries }: { weekStart: string; entries: TimetableEntry[] }) {
  const { t, i18n } = useTranslation();
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  return (
    <div className="app-timetable">
      {days.map((day) => {
        const list = entries.filter((e) => e.occurrence.date === day);
        return (
          <section key={day} className="app-timetable__day" aria-labelledby={`day-${day}`}>
            <h3 className="govuk-heading-s" id={`day-${day}`}>
              {formatDate(day, i18n.language)}
            </h3>
            {list.length === 0 ? (
              <p className="govuk-body-s app-muted">{t("timetable.nothingOn")}</p>
            ) : (
              <ul className="govuk-list">
                {list.map((e) => (
                  <li key={e.occurrence.id} className="app-timetable__item">
                    <span className="app-timetable__time">{formatTimeRange(e.occurrence.startTime, e.occurrence.endTime, i18n.language)}</span>{" "}
                    <Link className="govuk-link" to={`/sessions/${e.series.id}`} {...CONTENT_ATTRIBUTES}>
                      {e.series.title}
                    </Link>
                    <br />
                    <span className="govuk-body-s">
                      {t(`types.${e.typeSlug}`)} · <AgeRangeText range={e.series} />
                      {" · "}
                      {e.occurrence.status === "cancelled" ? (
                        <Tag colour="red">{t("session.cancelled")}</Tag>
                      ) : (
                        <PlacesLeft placesLeft={e.placesLeft} bookingMode={e.series.bookingMode} />
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
