import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Tag } from "~/components/govuk/tag";
import { describeAgeRange } from "~/domain/age-bands";
import { distanceWording } from "~/domain/distance";
import { CONTENT_ATTRIBUTES } from "~/i18n";
import { formatDate, formatList, formatMoney, formatNumber, formatTimeRange } from "~/utils/format";

export type SessionCardData = {
  seriesId: number;
  title: string;
  typeSlug: string;
  bookingMode: "drop-in" | "per-session" | "course";
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  forPregnancy: boolean;
  costPence: number;
  sendFriendly: boolean;
  venue: { name: string; kind: string };
  next: { date: string; startTime: string; endTime: string };
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

export function SessionCard({ s, headingLevel = 2 }: { s: SessionCardData; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const milesAway = (miles: number) => {
    const d = distanceWording(miles);
    return t(d.key, { count: d.miles, formatted: formatNumber(d.miles, lng, 1) });
  };
  const Heading = `h${headingLevel}` as "h2" | "h3";
  return (
    <li className="app-result">
      <Heading className="govuk-heading-s app-result__title">
        <Link className="govuk-link" to={`/sessions/${s.seriesId}`} {...CONTENT_ATTRIBUTES}>
          {s.title}
        </Link>
      </Heading>
      <p className="govuk-body-s app-result__tags">
        <Tag colour="blue">{t(`types.${s.typeSlug}`)}</Tag> {s.sendFriendly && <Tag colour="purple">{t("session.sendFriendly")}</Tag>}
      </p>
      {/* Plain markup, not GOV.UK's summary list: 20 of these make up most of a results page. */}
      <dl className="app-facts">
        <div>
          <dt>{t("session.where")}</dt>
          <dd>
            {s.venue.kind === "online" ? (
              t("session.online")
            ) : s.distance === null ? (
              <bdi>{s.venue.name}</bdi>
            ) : (
              <>
                {/* Isolated, so a right-to-left page keeps the distance with its own words. */}
                <bdi>{s.venue.name}</bdi>
                {" – "}
                <strong>{milesAway(s.distance)}</strong>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("session.next")}</dt>
          <dd>{`${formatDate(s.next.date, lng)}, ${formatTimeRange(s.next.startTime, s.next.endTime, lng)}`}</dd>
        </div>
        <div>
          <dt>{t("session.whoFor")}</dt>
          <dd>
            <AgeRangeText range={s} />
          </dd>
        </div>
        <div>
          <dt>{t("session.cost")}</dt>
          <dd>{s.costPence === 0 ? t("session.free") : formatMoney(s.costPence, lng)}</dd>
        </div>
        <div>
          <dt>{t("session.booking")}</dt>
          <dd>
            {s.bookingMode === "drop-in" ? (
              t(`bookingModes.${s.bookingMode}`)
            ) : (
              <>
                {`${t(`bookingModes.${s.bookingMode}`)} – `}
                <PlacesLeft placesLeft={s.placesLeft} bookingMode={s.bookingMode} />
              </>
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}
