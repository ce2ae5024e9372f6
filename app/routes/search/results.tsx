// The results part of the search page: the count or the coverage notice, the in-person list (by
// distance, or under a heading for each day), the online list and the pages.
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "~/components/govuk/pagination";
import { MapPanel } from "~/components/map-panel";
import { DayName, SessionCard } from "~/components/session-card";
import { COVERAGE_MILES } from "~/domain/distance";
import { ltrIsolate } from "~/utils/bidi";
import { formatList, formatNumber } from "~/utils/format";
import type { loader } from "./route";

export type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export function Results(props: {
  data: LoaderData;
  outcome: NonNullable<LoaderData["outcome"]>;
  pageLink: (n: number) => string;
  widerLink: () => string;
  /** The same search at any distance: every council's online sessions. */
  anyDistanceLink: () => string;
  lng: string;
}) {
  const { t } = useTranslation("search");
  const { outcome, data } = props;
  const start = (outcome.page - 1) * 20 + 1;
  const markers = outcome.results
    .filter((r) => r.venue.latitude !== null && r.venue.longitude !== null)
    .map((r) => ({
      id: String(r.seriesId),
      latitude: r.venue.latitude as number,
      longitude: r.venue.longitude as number,
      place: r.venue.name,
      label: r.title,
      href: `/sessions/${r.seriesId}`,
    }));

  return (
    <>
      {data.outsideCoverage ? (
        <p className="govuk-inset-text" role="status" id="outside-coverage">
          {t("results.outsideCoverage", {
            areas: formatList(data.outsideCoverage.areas, props.lng),
            place: ltrIsolate(data.place ?? "", props.lng),
            miles: formatNumber(data.outsideCoverage.nearestMiles ?? 0, props.lng),
          })}
        </p>
      ) : (
        <p className="govuk-body" role="status">
          {data.place
            ? t(data.byDate ? "results.countNearSoonest" : "results.countNear", { count: outcome.total, place: data.place })
            : t("results.count", { count: outcome.total })}
        </p>
      )}
      {data.precision === "district" && <p className="govuk-hint">{t("results.districtPrecision")}</p>}
      {outcome.total === 0 ? (
        <div className="app-empty">
          <h2 className="govuk-heading-m">{t("results.emptyHeading")}</h2>
          <ul className="govuk-list govuk-list--bullet">
            {(outcome.beyondRadius ?? 0) > 0 && data.distance !== "any" && !data.outsideCoverage && (
              <li>
                <Link className="govuk-link" to={props.widerLink()}>
                  {t("results.widen", { count: outcome.beyondRadius ?? 0 })}
                </Link>
              </li>
            )}
            <li>{t("results.emptyFewerFilters")}</li>
            {outcome.online.length > 0 && (
              <li>
                <a className="govuk-link" href="#online">
                  {t("results.seeOnline", { count: outcome.onlineTotal })}
                </a>
              </li>
            )}
          </ul>
        </div>
      ) : (
        <>
          <MapPanel markers={markers} />
          {data.byDate ? (
            // Soonest first: a heading for each day, so "what's on tomorrow" is found at a glance.
            groupByDay(outcome.results).map(([date, list]) => (
              <section key={date} className="app-day" aria-labelledby={`day-${date}`}>
                <h2 className="app-day__heading" id={`day-${date}`}>
                  <DayName date={date} today={data.today} />
                </h2>
                <ol className="govuk-list app-results">
                  {list.map((r) => (
                    <SessionCard key={r.seriesId} s={r} headingLevel={3} today={data.today} underDayHeading />
                  ))}
                </ol>
              </section>
            ))
          ) : (
            <ol className="govuk-list app-results" start={start}>
              {outcome.results.map((r) => (
                <SessionCard key={r.seriesId} s={r} today={data.today} />
              ))}
            </ol>
          )}
        </>
      )}
      {outcome.online.length > 0 && (
        <section aria-labelledby="online">
          <h2 className="govuk-heading-m" id="online" tabIndex={-1}>
            {t("results.onlineHeading")}
          </h2>
          {outcome.onlineNearOnly && (
            <p className="govuk-body">
              {t("results.onlineNear", { miles: formatNumber(COVERAGE_MILES, props.lng), place: ltrIsolate(data.place ?? "", props.lng) })}{" "}
              <Link className="govuk-link" to={props.anyDistanceLink()}>
                {t("results.onlineEverywhere")}
              </Link>
            </p>
          )}
          <ul className="govuk-list app-results">
            {outcome.online.map((r) => (
              <SessionCard key={r.seriesId} s={r} headingLevel={3} today={data.today} />
            ))}
          </ul>
        </section>
      )}
      {/* After both lists: the online list is paged with the in-person one. */}
      <Pagination
        page={outcome.page}
        pageCount={outcome.pageCount}
        href={props.pageLink}
        text={{
          label: t("results.pagination"),
          previous: t("results.previous"),
          next: t("results.next"),
          status: t("results.pageOf", { page: formatNumber(outcome.page, props.lng), pages: formatNumber(outcome.pageCount, props.lng) }),
        }}
      />
    </>
  );
}

function groupByDay<T extends { next: { date: string } }>(results: T[]): [string, T[]][] {
  const days = new Map<string, T[]>();
  for (const r of results) days.set(r.next.date, [...(days.get(r.next.date) ?? []), r]);
  return [...days];
}
