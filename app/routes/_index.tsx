import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilLinks } from "~/components/council-links";
import { Select, TextInput } from "~/components/govuk/fields";
import { AGE_BANDS } from "~/domain/age-bands";
import { SESSION_TYPE_SLUGS } from "~/domain/session-types";
import { directoryIsSmall, listCouncils, listLocalities } from "~/models/locality.server";
import { getDb } from "~/utils/db.server";
import { translator } from "~/utils/i18n.server";
import { type LightHandle, LOCATE_SCRIPT } from "~/utils/light-pages";
import { useNonce } from "~/utils/nonce";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["search"], scripts: "none" } satisfies LightHandle & { i18n: string[] };
export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title } = await translator(request, "search");
  const db = getDb();
  // A small directory links every area; a large one its councils, each a page of its areas and
  // hubs: every area in England was over 200 KB of this page (decision 020).
  const small = directoryIsSmall(db);
  const localities = small ? listLocalities(db).map((l) => ({ slug: l.slug, name: l.name, localAuthority: l.localAuthority })) : [];
  return json({ title: title(t("search:home.title")), localities, councils: small ? [] : listCouncils(db) });
}

export default function Home() {
  const { localities, councils } = useLoaderData<typeof loader>();
  const { t } = useTranslation("search");
  const byAuthority = new Map<string, typeof localities>();
  for (const l of localities) byAuthority.set(l.localAuthority, [...(byAuthority.get(l.localAuthority) ?? []), l]);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l app-home__heading">{t("home.heading")}</h1>
        {/* The search fits the first screen of a phone. The quick searches submit the same form
            (?quick=week or ?quick=<type>: this week, nearest first), so the postcode typed counts too. */}
        <form method="get" action="/search" className="app-home-search">
          <div className="app-home-search__fields">
            <TextInput
              id="postcode"
              name="postcode"
              label={t("form.postcode")}
              hint={t("home.postcodeHint")}
              className="govuk-input--width-10"
              autoComplete="postal-code"
              spellCheck={false}
              dir="ltr"
              after={<LocateButton />}
            />
            <Select
              id="age"
              name="age"
              label={t("form.age")}
              defaultValue=""
              options={["", ...AGE_BANDS].map((band) => ({ value: band, label: band ? t(`common:ageBands.${band}`) : t("form.anyAge") }))}
            />
          </div>
          <button type="submit" className="govuk-button app-home-search__submit" data-module="govuk-button">
            {t("form.submit")}
          </button>
          <h2 className="govuk-heading-s app-home__quick-heading" id="this-week">
            {t("home.thisWeek")}
          </h2>
          <ul className="govuk-list app-quick-links" aria-labelledby="this-week">
            <li>
              <button type="submit" name="quick" value="week" className="app-quick-link" data-quick="week">
                {t("home.everything")}
              </button>
            </li>
            {SESSION_TYPE_SLUGS.map((slug) => (
              <li key={slug}>
                <button type="submit" name="quick" value={slug} className="app-quick-link" data-quick={slug}>
                  {t(`common:types.${slug}`)}
                </button>
              </li>
            ))}
          </ul>
        </form>
        <p className="govuk-body">{t("home.lead")}</p>
      </div>
      <div className="govuk-grid-column-full">
        <h2 className="govuk-heading-m">{t("home.byPlace")}</h2>
        {councils.length > 0 && (
          <>
            <p className="govuk-body">{t("home.byCouncil")}</p>
            <CouncilLinks councils={councils} />
          </>
        )}
        {[...byAuthority].map(([authority, list]) => (
          <div key={authority}>
            <h3 className="govuk-heading-s">{authority}</h3>
            <ul className="govuk-list app-tiles">
              {list.map((l) => (
                <li key={l.slug}>
                  <Link className="govuk-link" to={`/localities/${l.slug}`}>
                    {l.name}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <p className="govuk-body">
          <Link className="govuk-link" to="/hubs">
            {t("home.allHubs")}
          </Link>
        </p>
      </div>
    </div>
  );
}

/**
 * "Use my location", for phones with JavaScript and location: hidden otherwise (LOCATE_SCRIPT shows
 * it). The position goes to the server once, to be named as a postcode district; nothing is kept.
 */
function LocateButton() {
  const { t } = useTranslation("search");
  const nonce = useNonce();
  return (
    <span className="app-locate">
      <button
        type="button"
        className="app-locate__button"
        hidden
        data-locate
        data-status="locate-status"
        data-finding={t("home.locateFinding")}
        data-found={t("home.locateFound", { district: "{district}" })}
        data-failed={t("home.locateFailed")}
      >
        {t("home.locate")}
      </button>
      <span id="locate-status" className="app-locate__status" role="status" />
      <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: LOCATE_SCRIPT }} />
    </span>
  );
}
