import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Tag } from "~/components/govuk/tag";
import { describeAgeRange } from "~/domain/age-bands";
import { relativeDay } from "~/domain/when";
import { distanceWording } from "~/domain/distance";
import { CONTENT_ATTRIBUTES } from "~/i18n";
import { formatDate, formatList, formatMoney, formatNumber, formatTimeRange } from "~/utils/format";

export type SessionCardData = {
  seriesId: number;
  title: string;
  /** The title is the hub's translation into the page's language, not its English original. */
  translated?: boolean;
  typeSlug: string;
  bookingMode: "drop-in" | "per-session" | "course";
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  forPregnancy: boolean;
  costPence: number;
  sendFriendly: boolean;
  venue: { name: string; kind: string };
  /** occurrenceId, where known, lets the card's "Book" open the form on that date. */
  next: { date: string; startTime: string; endTime: string; occurrenceId?: number };
  placesLeft: number | null;
  distance: number | null;
};

export function AgeRangeText({ range }: { range: Parameters<typeof describeAgeRange>[0] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {formatList(
        describeAgeRange(range).map((p) => t(p.key, p.values)),
        i18n.language,
      )}
    </>
  );
}

export function PlacesLeft({ placesLeft, bookingMode }: { placesLeft: number | null; bookingMode: string }) {
  const { t } = useTranslation();
  if (bookingMode === "drop-in" || placesLeft === null) return <>{t("session.noBookingNeeded")}</>;
  if (placesLeft === 0) return <Tag colour="red">{t("session.full")}</Tag>;
  return <>{t("session.placesLeft", { count: placesLeft })}</>;
}

/** "Today", "Tomorrow", or the weekday and date: how a parent thinks about when. */
export function DayName({ date, today }: { date: string; today?: string }) {
  const { t, i18n } = useTranslation();
  const near = today ? relativeDay(date, today) : null;
  return <>{near ? t(`card.${near}`) : formatDate(date, i18n.language)}</>;
}

/**
 * One result in three short lines: the title, what and who for, and when and where; then the
 * places and the action ("Book", or "Drop in" when no booking is needed). About 110 px on a phone.
 * Each link's name says which session and date it is, since many share a title ("Baby & Me").
 */
export function SessionCard(props: {
  s: SessionCardData;
  headingLevel?: 2 | 3;
  today?: string;
  /** Under a day heading the card shows only the time (the hidden link names still say the day). */
  underDayHeading?: boolean;
}) {
  const { s, headingLevel = 2, today } = props;
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const Heading = `h${headingLevel}` as "h2" | "h3";
  const milesAway = (miles: number) => {
    const d = distanceWording(miles);
    return t(d.key, { count: d.miles, formatted: formatNumber(d.miles, lng, 1) });
  };
  const where = s.venue.kind === "online" ? t("session.online") : s.venue.name;
  const time = <span className="app-card__time">{formatTimeRange(s.next.startTime, s.next.endTime, lng)}</span>;
  const when = props.underDayHeading ? (
    time
  ) : (
    <>
      <DayName date={s.next.date} today={today} /> {time}
    </>
  );
  // Read after the visible words of each link, so every link in the list has its own name.
  const context = (
    <>
      {", "}
      {where}, <DayName date={s.next.date} today={today} />
    </>
  );
  const full = s.placesLeft === 0;
  const bookHref =
    s.bookingMode === "per-session" && s.next.occurrenceId
      ? `/sessions/${s.seriesId}/book?occurrence=${s.next.occurrenceId}`
      : s.bookingMode === "course"
        ? `/sessions/${s.seriesId}/book`
        : `/sessions/${s.seriesId}`;
  return (
    <li className="app-result app-card">
      <Heading className="app-card__title">
        <Link className="govuk-link" to={`/sessions/${s.seriesId}`}>
          <span {...(s.translated ? {} : CONTENT_ATTRIBUTES)}>{s.title}</span>
          <span className="govuk-visually-hidden">{context}</span>
        </Link>
      </Heading>
      <p className="app-card__line">
        <strong>{when}</strong>
        {" · "}
        <bdi>{where}</bdi>
        {s.distance !== null && (
          <>
            {" · "}
            {milesAway(s.distance)}
          </>
        )}
      </p>
      <div className="app-card__foot">
        <p className="app-card__line">
          {t(`types.${s.typeSlug}`)}
          {" · "}
          <AgeRangeText range={s} />
          {" · "}
          {s.costPence === 0 ? t("session.free") : formatMoney(s.costPence, lng)}
          {s.sendFriendly && (
            <>
              {" · "}
              {t("session.sendFriendly")}
            </>
          )}
          {s.bookingMode !== "drop-in" && (
            <>
              {" · "}
              <PlacesLeft placesLeft={s.placesLeft} bookingMode={s.bookingMode} />
            </>
          )}
        </p>
        <Link className={`app-card__action${s.bookingMode === "drop-in" ? " app-card__action--secondary" : ""}`} to={bookHref} data-card-action>
          {s.bookingMode === "drop-in"
            ? t("card.dropIn")
            : full
              ? t("card.waitingList")
              : s.bookingMode === "course"
                ? t("card.bookCourse")
                : t("card.book")}
          <span className="govuk-visually-hidden">
            {": "}
            <span {...(s.translated ? {} : CONTENT_ATTRIBUTES)}>{s.title}</span>
            {context}
          </span>
        </Link>
      </div>
    </li>
  );
}
