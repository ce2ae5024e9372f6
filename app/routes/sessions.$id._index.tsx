import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { currentStaff } from "~/auth/sign-in.server";
import { SummaryRow } from "~/components/govuk/summary-list";
import { Ltr } from "~/components/ltr";
import { Table } from "~/components/govuk/table";
import { Tag } from "~/components/govuk/tag";
import { AgeRangeText, DayName, PlacesLeft } from "~/components/session-card";
import { ShareLink } from "~/components/share-link";
import { SignpostButton } from "~/components/signpost-button";
import { hasStarted } from "~/domain/booking";
import { parseWeekdays, WEEKDAY_SLUGS } from "~/domain/dates";
import { typeAboutKey } from "~/domain/session-types";
import { CONTENT_ATTRIBUTES, CONTENT_LANGUAGE } from "~/i18n";
import { courseHasStarted, londonNow } from "~/models/booking.server";
import { listOccurrences } from "~/models/occurrence.server";
import { seriesTranslation } from "~/models/series-translation.server";
import { publicSeries } from "~/models/series.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDate, formatList, formatMoney, formatTimeRange, languageName } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import type { LightHandle } from "~/utils/light-pages";
import { titleMeta } from "~/utils/meta";
import { IdParamsSchema } from "~/utils/params.server";

// Plain HTML for families; signed-in staff get React for the signposting button.
export const handle = {
  i18n: ["venue", "booking"],
  scripts: (data: unknown) => ((data as { staff?: boolean } | undefined)?.staff ? "all" : "none"),
} satisfies LightHandle & { i18n: string[] };
export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = IdParamsSchema.safeParse(params);
  const found = parsed.success ? publicSeries(getDb(), parsed.data.id) : undefined;
  if (!found || found.series.status !== "active") throw new Response("Not found", { status: 404 });
  const { title, locale } = await translator(request, "venue");
  // The hub's own translation into the page's language, when it wrote one (models/series-translation).
  const translation = locale === CONTENT_LANGUAGE ? null : seriesTranslation(getDb(), found.series.id, locale);
  const at = londonNow(now());
  // A date that has started can no longer be booked; a course, once its first date has.
  const courseStarted = courseHasStarted(getDb(), found.series.id, at);
  const occurrences = listOccurrences(getDb(), found.series.id, at.date).map((o) => ({
    ...o,
    bookable: !o.cancelled && !courseStarted && !hasStarted(o, at),
  }));
  return json({
    courseStarted,
    title: title(translation?.title ?? found.series.title),
    ...found,
    translation,
    occurrences,
    languages: found.series.languages
      .split(",")
      .filter(Boolean)
      .map((code) => languageName(code, locale)),
    staff: (await currentStaff(request)) ? true : false,
    today: at.date,
  });
}

export default function Session() {
  const { series, typeSlug, venue, locality, occurrences, languages, staff, courseStarted, today, translation } =
    useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("venue");
  const lng = i18n.language;
  const weekdays = parseWeekdays(series.weekdays);
  const upcoming = occurrences.filter((o) => o.bookable);
  const bookHref = (o: { id: number }) => `/sessions/${series.id}/book?occurrence=${o.id}`;
  // The next few dates with their action come first: most parents came here to book one.
  const soon = upcoming.slice(0, 3);
  return (
    <>
      <span className="govuk-caption-m">{t(`common:types.${typeSlug}`)}</span>
      {translation ? (
        <h1 className="govuk-heading-l app-session__title">{translation.title}</h1>
      ) : (
        <h1 className="govuk-heading-l app-session__title" {...CONTENT_ATTRIBUTES}>
          {series.title}
        </h1>
      )}
      <p className="govuk-body app-session__where">
        {venue.kind === "online" ? (
          t("common:session.online")
        ) : (
          <>
            <Link className="govuk-link" to={`/hubs/${venue.slug}`} data-link="hub">
              {venue.name}
            </Link>
            {", "}
            <Link className="govuk-link" to={`/localities/${locality.slug}`} data-link="locality">
              {locality.name}
            </Link>
          </>
        )}
        <br />
        <AgeRangeText range={series} />
        {" · "}
        {series.costPence === 0 ? t("common:session.free") : formatMoney(series.costPence, lng)}
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <section className="app-next-dates" aria-labelledby="next-dates">
            <h2 className="govuk-heading-m app-next-dates__heading" id="next-dates">
              {series.bookingMode === "course" ? t("session.courseDates") : t("session.nextDates")}
            </h2>
            {courseStarted && <p className="govuk-inset-text">{t("booking:session.courseStarted")}</p>}
            {soon.length === 0 ? (
              <p className="govuk-body">{t("session.noDates")}</p>
            ) : (
              <ul className="govuk-list app-next-dates__list">
                {soon.map((o) => (
                  <li key={o.id} className="app-next-date">
                    <span className="app-next-date__when">
                      <strong>
                        <DayName date={o.date} today={today} />
                      </strong>{" "}
                      <span className="app-card__time">{formatTimeRange(o.startTime, o.endTime, lng)}</span>
                      <br />
                      <span className="app-next-date__places">
                        <PlacesLeft
                          placesLeft={series.bookingMode === "course" ? (upcoming[0]?.placesLeft ?? null) : o.placesLeft}
                          bookingMode={series.bookingMode}
                        />
                      </span>
                    </span>
                    {series.bookingMode === "per-session" && (
                      <Link className="app-card__action" to={bookHref(o)} data-next-book>
                        {o.placesLeft === 0 ? t("common:card.waitingList") : t("session.book")}
                        <span className="govuk-visually-hidden">
                          {" "}
                          <DayName date={o.date} today={today} />
                        </span>
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {series.bookingMode === "course" && upcoming.length > 0 && (
              <Link className="govuk-button app-next-dates__course" to={`/sessions/${series.id}/book`} data-next-book>
                {upcoming[0].placesLeft === 0 ? t("session.joinCourseWaitingList") : t("session.bookCourse")}
              </Link>
            )}
            {series.bookingMode === "drop-in" && soon.length > 0 && <p className="govuk-body">{t("session.bookingExplained.drop-in")}</p>}
          </section>
          {series.isSample && <p className="govuk-inset-text">{t("common:layout.sampleVenue")}</p>}
          {typeAboutKey(typeSlug) && (
            <div className="app-type-about" id="type-about">
              <h2 className="govuk-heading-m">{t("session.typeAboutHeading")}</h2>
              <p className="govuk-body">{t(typeAboutKey(typeSlug))}</p>
              {lng !== CONTENT_LANGUAGE && !translation?.description && <p className="govuk-body-s">{t("session.inEnglish")}</p>}
            </div>
          )}
          <h2 className="govuk-heading-m">{t("session.whatHappens")}</h2>
          {translation?.description ? (
            <>
              <p className="govuk-body">{translation.description}</p>
              <p className="govuk-body-s">{t("session.translatedByHub")}</p>
            </>
          ) : (
            <p className="govuk-body" {...CONTENT_ATTRIBUTES}>
              {series.description}
            </p>
          )}
          <dl className="govuk-summary-list">
            <SummaryRow label={t("common:session.whoFor")}>
              <AgeRangeText range={series} />
              {series.placeUnit === "adult" && <> · {t("session.adultPlaces")}</>}
            </SummaryRow>
            <SummaryRow label={t("common:session.where")}>
              {venue.kind === "online" ? (
                t("common:session.online")
              ) : (
                <Link className="govuk-link" to={`/hubs/${venue.slug}`}>
                  <span {...CONTENT_ATTRIBUTES}>
                    {venue.name}, {venue.town} <Ltr>{venue.postcode}</Ltr>
                  </span>
                </Link>
              )}
            </SummaryRow>
            <SummaryRow label={t("session.when")}>
              {weekdays.length === 0
                ? t("session.oneOff", { date: formatDate(series.startDate, lng) })
                : t("session.weekly", {
                    days: formatList(
                      weekdays.map((d) => t(`common:days.${WEEKDAY_SLUGS[d - 1]}`)),
                      lng,
                    ),
                  })}
              {", "}
              {formatTimeRange(series.startTime, series.endTime, lng)}
              {series.termTimeOnly && <> · {t("session.termTimeOnly")}</>}
            </SummaryRow>
            <SummaryRow label={t("common:session.cost")}>
              {series.costPence === 0 ? t("common:session.free") : formatMoney(series.costPence, lng)}
              {series.costNotes && (
                <>
                  {" · "}
                  <span {...CONTENT_ATTRIBUTES}>{series.costNotes}</span>
                </>
              )}
            </SummaryRow>
            <SummaryRow label={t("common:session.booking")}>{t(`session.bookingExplained.${series.bookingMode}`)}</SummaryRow>
            <SummaryRow label={t("session.languages")}>{formatList(languages, lng)}</SummaryRow>
            {series.sendFriendly && <SummaryRow label={t("session.send")}>{t("session.sendFriendlyExplained")}</SummaryRow>}
            <SummaryRow label={t("session.access")}>
              {venue.kind === "online" ? t("session.accessOnline") : venue.stepFree ? t("hub.stepFree") : t("hub.notStepFree")}
            </SummaryRow>
            {series.whatToBring && (
              <SummaryRow label={t("session.whatToBring")}>
                <span {...CONTENT_ATTRIBUTES}>{series.whatToBring}</span>
              </SummaryRow>
            )}
            {series.facilitator && (
              <SummaryRow label={t("session.facilitator")}>
                <span {...CONTENT_ATTRIBUTES}>{series.facilitator}</span>
              </SummaryRow>
            )}
          </dl>
          <h2 className="govuk-heading-m">{t("session.allDates")}</h2>
          {occurrences.length === 0 ? (
            <p className="govuk-body">{t("session.noDates")}</p>
          ) : (
            <Table
              caption={t("session.datesCaption")}
              captionHidden
              head={[
                { content: t("session.date") },
                { content: t("session.time") },
                { content: t("session.places") },
                ...(series.bookingMode === "per-session"
                  ? [{ content: <span className="govuk-visually-hidden">{t("session.bookColumn")}</span> }]
                  : []),
              ]}
              rows={occurrences.map((o) => ({
                key: o.id,
                cells: [
                  { content: formatDate(o.date, lng) },
                  { content: formatTimeRange(o.startTime, o.endTime, lng) },
                  {
                    content: o.cancelled ? (
                      <>
                        <Tag colour="red">{t("common:session.cancelled")}</Tag> {o.cancelReason}
                      </>
                    ) : !o.bookable ? (
                      t("booking:session.noLongerBookable")
                    ) : (
                      <PlacesLeft
                        placesLeft={series.bookingMode === "course" ? (upcoming[0]?.placesLeft ?? null) : o.placesLeft}
                        bookingMode={series.bookingMode}
                      />
                    ),
                  },
                  ...(series.bookingMode === "per-session"
                    ? [
                        {
                          content: o.bookable && (
                            <Link className="govuk-link" to={bookHref(o)}>
                              {o.placesLeft === 0 ? t("session.joinWaitingList") : t("session.book")}
                              <span className="govuk-visually-hidden"> {formatDate(o.date, lng)}</span>
                            </Link>
                          ),
                        },
                      ]
                    : []),
                ],
              }))}
            />
          )}
          <ShareLink kind="session" id={series.id} />
          <SignpostButton staff={staff} seriesId={series.id} />
        </div>
      </div>
    </>
  );
}
