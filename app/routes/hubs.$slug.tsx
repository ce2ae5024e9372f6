import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { currentStaff } from "~/auth/sign-in.server";
import { MapPanel } from "~/components/map-panel";
import { Ltr } from "~/components/ltr";
import { ShareLink } from "~/components/share-link";
import { SignpostButton } from "~/components/signpost-button";
import { WeekTimetable } from "~/components/week-timetable";
import { YouSaidWeDid } from "~/components/you-said-we-did";
import { addDays, londonDate, startOfWeek, WEEKDAY_SLUGS } from "~/domain/dates";
import { unbreakablePostcode } from "~/domain/postcode";
import { CONTENT_ATTRIBUTES } from "~/i18n";
import { venueTimetable } from "~/models/timetable.server";
import { getVenue } from "~/models/venue.server";
import { publicEntries } from "~/models/you-said-we-did.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDate, formatTimeRange } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { SlugParamsSchema, WeekParamSchema } from "~/utils/params.server";

// The map starts React when opened; staff get it at once for the signposting button (utils/light-pages).
export const handle = {
  i18n: ["venue", "feedback"],
  scripts: (data: unknown) => ((data as { staff?: boolean } | undefined)?.staff ? "all" : "on-demand"),
};
export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = SlugParamsSchema.safeParse(params);
  const found = parsed.success ? getVenue(getDb(), parsed.data.slug) : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  const { title, locale } = await translator(request, "venue");
  const today = londonDate(now());
  const thisWeek = startOfWeek(today);
  const requested = WeekParamSchema.parse(new URL(request.url).searchParams.get("week") ?? undefined);
  // Only weeks with a timetable: from this week up to the published horizon.
  const weekStart = requested && requested >= thisWeek && requested <= addDays(thisWeek, 77) ? requested : thisWeek;
  const entries = venueTimetable(getDb(), found.venue.id, weekStart, addDays(weekStart, 6));
  return json({
    title: title(found.venue.name),
    ...found,
    weekStart,
    thisWeek,
    entries,
    staff: (await currentStaff(request)) ? true : false,
    youSaid: publicEntries(getDb(), { venueId: found.venue.id }, locale, 5).map(({ hub: _hub, ...e }) => e),
  });
}

export default function Hub() {
  const { venue, locality, localAuthority, weekStart, thisWeek, entries, staff, youSaid } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("venue");
  const lng = i18n.language;
  const address = [venue.addressLine1, venue.addressLine2, venue.town, unbreakablePostcode(venue.postcode)].filter(Boolean);
  return (
    <>
      <nav className="govuk-breadcrumbs" aria-label={t("common:layout.breadcrumb")}>
        <ol className="govuk-breadcrumbs__list">
          <li className="govuk-breadcrumbs__list-item">
            <Link className="govuk-breadcrumbs__link" to="/hubs">
              {t("list.heading")}
            </Link>
          </li>
          <li className="govuk-breadcrumbs__list-item">
            <Link className="govuk-breadcrumbs__link" to={`/localities/${locality.slug}`}>
              {locality.name}
            </Link>
          </li>
        </ol>
      </nav>
      <span className="govuk-caption-l">
        {t(`kinds.${venue.kind}`)} · {localAuthority.name}
      </span>
      <h1 className="govuk-heading-l">{venue.name}</h1>
      <ShareLink kind="hub" slug={venue.slug} />
      {venue.isSample && <p className="govuk-inset-text">{t("common:layout.sampleVenue")}</p>}
      <p className="govuk-body-l" {...CONTENT_ATTRIBUTES}>
        {venue.description}
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">{t("hub.address")}</h2>
          {venue.kind === "online" ? (
            <p className="govuk-body">{t("hub.onlineAddress")}</p>
          ) : (
            <address className="govuk-body app-address" {...CONTENT_ATTRIBUTES}>
              {address.map((line) => (
                <span key={line}>
                  {line}
                  <br />
                </span>
              ))}
            </address>
          )}
          {(venue.phone || venue.email) && (
            <>
              <h2 className="govuk-heading-m">{t("hub.contact")}</h2>
              <ul className="govuk-list">
                {venue.phone && (
                  <li>
                    {t("hub.phone")}:{" "}
                    <a className="govuk-link" href={`tel:${venue.phone.replace(/\s/g, "")}`}>
                      <Ltr>{venue.phone}</Ltr>
                    </a>
                  </li>
                )}
                {venue.email && (
                  <li>
                    {t("hub.email")}:{" "}
                    <a className="govuk-link" href={`mailto:${venue.email}`}>
                      <Ltr wrap>{venue.email}</Ltr>
                    </a>
                  </li>
                )}
              </ul>
            </>
          )}
          {venue.openingHours.length > 0 && (
            <>
              <h2 className="govuk-heading-m">{t("hub.openingHours")}</h2>
              <dl className="govuk-summary-list govuk-summary-list--no-border">
                {venue.openingHours.map((h) => (
                  <div className="govuk-summary-list__row" key={h.day}>
                    <dt className="govuk-summary-list__key">{t(`common:days.${WEEKDAY_SLUGS[h.day]}`)}</dt>
                    <dd className="govuk-summary-list__value">{formatTimeRange(h.opens, h.closes, lng)}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">{t("hub.access")}</h2>
          <ul className="govuk-list govuk-list--bullet">
            <li>{venue.stepFree ? t("hub.stepFree") : t("hub.notStepFree")}</li>
            {venue.facilities
              .filter((f) => f !== "step-free")
              .map((f) => (
                <li key={f}>{t(`facilities.${f}`, { defaultValue: f })}</li>
              ))}
          </ul>
          {venue.accessNotes && (
            <p className="govuk-body" {...CONTENT_ATTRIBUTES}>
              {venue.accessNotes}
            </p>
          )}
          {venue.travelNotes && (
            <>
              <h2 className="govuk-heading-m">{t("hub.gettingThere")}</h2>
              <p className="govuk-body">{venue.travelNotes}</p>
            </>
          )}
        </div>
      </div>
      {venue.latitude !== null && venue.longitude !== null && (
        <MapPanel
          markers={[
            {
              id: venue.slug,
              latitude: venue.latitude,
              longitude: venue.longitude,
              place: venue.name,
              label: venue.name,
              href: `/hubs/${venue.slug}`,
            },
          ]}
        />
      )}
      <h2 className="govuk-heading-m" id="timetable">
        {weekStart === thisWeek ? t("hub.thisWeek") : t("hub.weekOf", { date: formatDate(weekStart, lng) })}
      </h2>
      <WeekTimetable weekStart={weekStart} entries={entries} />
      <nav className="govuk-pagination govuk-pagination--block" aria-label={t("hub.weeks")}>
        {weekStart > thisWeek && (
          <div className="govuk-pagination__prev">
            <Link className="govuk-link govuk-pagination__link" to={`?week=${addDays(weekStart, -7)}#timetable`} rel="prev">
              <span className="govuk-pagination__link-title">{t("hub.previousWeek")}</span>
            </Link>
          </div>
        )}
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={`?week=${addDays(weekStart, 7)}#timetable`} rel="next">
            <span className="govuk-pagination__link-title">{t("hub.nextWeek")}</span>
          </Link>
        </div>
      </nav>
      <YouSaidWeDid entries={youSaid} intro={t("feedback:youSaid.intro")} feedbackHref={`/hubs/${venue.slug}/feedback`} />
      <SignpostButton staff={staff} venueId={venue.id} />
    </>
  );
}
