import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Radios, TextInput } from "~/components/govuk/fields";
import { AGE_BANDS } from "~/domain/age-bands";
import { SESSION_TYPE_SLUGS } from "~/domain/session-types";
import { listLocalities } from "~/models/locality.server";
import { getDb } from "~/utils/db.server";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["search"] };
export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title } = await translator(request, "search");
  const localities = listLocalities(getDb());
  return json({ title: title(t("search:home.title")), localities });
}

export default function Home() {
  const { localities } = useLoaderData<typeof loader>();
  const { t } = useTranslation("search");
  const byAuthority = new Map<string, typeof localities>();
  for (const l of localities) byAuthority.set(l.localAuthority, [...(byAuthority.get(l.localAuthority) ?? []), l]);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t("home.heading")}</h1>
        <p className="govuk-body-l">{t("home.lead")}</p>
        <form method="get" action="/search" className="app-home-search">
          <TextInput
            id="postcode"
            name="postcode"
            label={t("form.postcode")}
            labelClassName="govuk-label--m"
            hint={t("form.postcodeHint")}
            className="govuk-input--width-10"
            autoComplete="postal-code"
            spellCheck={false}
            dir="ltr"
          />
          <Radios
            name="age"
            legend={t("form.age")}
            legendClassName="govuk-fieldset__legend--m"
            small
            defaultValue=""
            options={["", ...AGE_BANDS].map((band) => ({ value: band, label: band ? t(`common:ageBands.${band}`) : t("form.anyAge") }))}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("form.submit")}
          </button>
        </form>
      </div>
      <div className="govuk-grid-column-full">
        <h2 className="govuk-heading-m">{t("home.byType")}</h2>
        <ul className="govuk-list app-tiles">
          {SESSION_TYPE_SLUGS.map((slug) => (
            <li key={slug}>
              <Link className="govuk-link" to={`/search?type=${slug}`}>
                {t(`common:types.${slug}`)}
              </Link>
            </li>
          ))}
        </ul>
        <h2 className="govuk-heading-m">{t("home.byPlace")}</h2>
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
