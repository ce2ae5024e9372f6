import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilLinks } from "~/components/council-links";
import type { VenueKind } from "../../db/schema";
import { directoryIsSmall, getLocalAuthority, listCouncils } from "~/models/locality.server";
import { listCouncilVenues, listVenues } from "~/models/venue.server";
import { getDb } from "~/utils/db.server";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { CouncilQuerySchema } from "~/utils/params.server";

export const handle = { i18n: ["venue"], scripts: "none" }; // no client behaviour (utils/light-pages)
export const meta = titleMeta;

type VenueRow = {
  venue: { slug: string; name: string; kind: VenueKind; town: string; postcode: string | null };
  locality: { slug: string; name: string };
};

// /hubs lists every hub by council and locality while the directory is small; once it is large, the
// councils, each linking to /hubs?council=<slug>, its own list (decision 020).
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = CouncilQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const db = getDb();
  const council = parsed.success && parsed.data.council ? getLocalAuthority(db, parsed.data.council) : undefined;
  if (!parsed.success || (parsed.data.council && !council)) throw new Response("Not found", { status: 404 });
  const { t, title } = await translator(request, "venue");
  const heading = council ? t("venue:list.councilHeading", { council: council.name }) : t("venue:list.heading");
  let venues: ReturnType<typeof card>[] = [];
  let councils: { slug: string; name: string }[] = [];
  if (council) venues = listCouncilVenues(db, council.id).map((row) => card(row, council.name));
  else if (directoryIsSmall(db)) venues = listVenues(db).map((row) => card(row, row.localAuthority.name));
  else councils = listCouncils(db);
  return json({ title: title(council ? heading : t("venue:list.title")), heading, council: council?.name ?? null, venues, councils });
}

function card({ venue, locality }: VenueRow, localAuthority: string) {
  return {
    slug: venue.slug,
    name: venue.name,
    kind: venue.kind,
    town: venue.town,
    postcode: venue.postcode,
    locality: { slug: locality.slug, name: locality.name },
    localAuthority,
  };
}

export default function Hubs() {
  const { heading, council, venues, councils } = useLoaderData<typeof loader>();
  const { t } = useTranslation("venue");
  // One council's page has no council headings, so its localities move up a level.
  const LocalityHeading = council ? "h2" : "h3";
  const groups = new Map<string, Map<string, typeof venues>>();
  for (const v of venues) {
    const byLocality = groups.get(v.localAuthority) ?? new Map();
    byLocality.set(v.locality.slug, [...(byLocality.get(v.locality.slug) ?? []), v]);
    groups.set(v.localAuthority, byLocality);
  }
  return (
    <>
      {council && (
        <Link className="govuk-back-link" to="/hubs">
          {t("list.allCouncils")}
        </Link>
      )}
      <h1 className="govuk-heading-l">{heading}</h1>
      <p className="govuk-body">{t("list.lead")}</p>
      {councils.length > 0 && (
        <>
          <p className="govuk-body">{t("list.chooseCouncil")}</p>
          <CouncilLinks councils={councils} />
        </>
      )}
      {council && venues.length === 0 && <p className="govuk-body">{t("list.noneInCouncil")}</p>}
      {[...groups].map(([authority, byLocality]) => (
        <section key={authority} className="app-section">
          {/* The page is one council's: its name is already the heading. */}
          {!council && <h2 className="govuk-heading-m">{authority}</h2>}
          {[...byLocality].map(([slug, list]) => (
            <div key={slug}>
              <LocalityHeading className="govuk-heading-s">
                <Link className="govuk-link" to={`/localities/${slug}`}>
                  {list[0].locality.name}
                </Link>
              </LocalityHeading>
              <ul className="govuk-list">
                {list.map((v) => (
                  <li key={v.slug}>
                    <Link className="govuk-link" to={`/hubs/${v.slug}`}>
                      {v.name}
                    </Link>{" "}
                    <span className="govuk-body-s app-muted">
                      {v.kind === "online" ? t("kinds.online") : `${t(`kinds.${v.kind}`)} · ${v.town} ${v.postcode ?? ""}`}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
