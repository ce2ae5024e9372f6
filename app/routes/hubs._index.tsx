import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listVenues } from "~/models/venue.server";
import { getDb } from "~/utils/db.server";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["venue"], scripts: "none" }; // no client behaviour (utils/light-pages)
export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title } = await translator(request, "venue");
  const venues = listVenues(getDb()).map(({ venue, locality, localAuthority }) => ({
    slug: venue.slug,
    name: venue.name,
    kind: venue.kind,
    town: venue.town,
    postcode: venue.postcode,
    locality: { slug: locality.slug, name: locality.name },
    localAuthority: localAuthority.name,
  }));
  return json({ title: title(t("venue:list.title")), venues });
}

export default function Hubs() {
  const { venues } = useLoaderData<typeof loader>();
  const { t } = useTranslation("venue");
  const groups = new Map<string, Map<string, typeof venues>>();
  for (const v of venues) {
    const byLocality = groups.get(v.localAuthority) ?? new Map();
    byLocality.set(v.locality.slug, [...(byLocality.get(v.locality.slug) ?? []), v]);
    groups.set(v.localAuthority, byLocality);
  }
  return (
    <>
      <h1 className="govuk-heading-l">{t("list.heading")}</h1>
      <p className="govuk-body">{t("list.lead")}</p>
      {[...groups].map(([authority, byLocality]) => (
        <section key={authority} className="app-section">
          <h2 className="govuk-heading-m">{authority}</h2>
          {[...byLocality].map(([slug, list]) => (
            <div key={slug}>
              <h3 className="govuk-heading-s">
                <Link className="govuk-link" to={`/localities/${slug}`}>
                  {list[0].locality.name}
                </Link>
              </h3>
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
