import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SessionCard } from "~/components/session-card";
import { YouSaidWeDid } from "~/components/you-said-we-did";
import { londonDate, londonTime } from "~/domain/dates";
import { CONTENT_ATTRIBUTES } from "~/i18n";
import { getLocality } from "~/models/locality.server";
import { searchSeries } from "~/models/search.server";
import { listVenues } from "~/models/venue.server";
import { publicEntries } from "~/models/you-said-we-did.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { SlugParamsSchema } from "~/utils/params.server";

export const handle = { i18n: ["venue", "feedback"], scripts: "none" }; // no client behaviour (utils/light-pages)
export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = SlugParamsSchema.safeParse(params);
  const db = getDb();
  const found = parsed.success ? getLocality(db, parsed.data.slug) : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  const { title, locale } = await translator(request, "venue");
  const current = now();
  const soon = searchSeries(db, {
    origin: null,
    localityId: found.locality.id,
    maxMiles: null,
    page: 1,
    today: londonDate(current),
    nowTime: londonTime(current),
  });
  const venues = listVenues(db, found.locality.id).map(({ venue }) => ({
    slug: venue.slug,
    name: venue.name,
    kind: venue.kind,
    town: venue.town,
    postcode: venue.postcode,
  }));
  return json({
    title: title(found.locality.name),
    ...found,
    venues,
    soon: soon.results.slice(0, 10),
    total: soon.total,
    youSaid: publicEntries(db, { localityId: found.locality.id }, locale, 5),
  });
}

export default function Locality() {
  const { locality, localAuthority, venues, soon, total, youSaid } = useLoaderData<typeof loader>();
  const { t } = useTranslation("venue");
  return (
    <>
      <span className="govuk-caption-l">{localAuthority.name}</span>
      <h1 className="govuk-heading-l">{locality.name}</h1>
      <p className="govuk-body-l" {...CONTENT_ATTRIBUTES}>
        {locality.description}
      </p>
      <h2 className="govuk-heading-m">{t("locality.places")}</h2>
      <ul className="govuk-list">
        {venues.map((v) => (
          <li key={v.slug}>
            <Link className="govuk-link" to={`/hubs/${v.slug}`}>
              {v.name}
            </Link>{" "}
            <span className="govuk-body-s app-muted">
              {v.kind === "online" ? t("kinds.online") : `${t(`kinds.${v.kind}`)} · ${v.postcode ?? ""}`}
            </span>
          </li>
        ))}
      </ul>
      <h2 className="govuk-heading-m">{t("locality.comingUp")}</h2>
      <ol className="govuk-list app-results">
        {soon.map((s) => (
          <SessionCard key={s.seriesId} s={s} headingLevel={3} />
        ))}
      </ol>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/search?locality=${locality.slug}`}>
          {t("locality.seeAll", { count: total })}
        </Link>
      </p>
      <YouSaidWeDid entries={youSaid} intro={t("feedback:youSaid.localityIntro")} />
    </>
  );
}
