import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AGE_BANDS } from "~/domain/age-bands";
import { SESSION_TYPE_SLUGS } from "~/domain/session-types";
import { listLocalities } from "~/models/place.server";
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
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--m" htmlFor="postcode">
              {t("form.postcode")}
            </label>
            <div id="postcode-hint" className="govuk-hint">
              {t("form.postcodeHint")}
            </div>
            <input
              className="govuk-input govuk-input--width-10"
              id="postcode"
              name="postcode"
              type="text"
              autoComplete="postal-code"
              spellCheck={false}
              dir="ltr"
              aria-describedby="postcode-hint"
            />
          </div>
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("form.age")}</legend>
              <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
                {["", ...AGE_BANDS].map((band) => {
                  const id = band ? `age-${band}` : "age";
                  return (
                    <div className="govuk-radios__item" key={band || "any"}>
                      <input
                        className="govuk-radios__input"
                        id={id}
                        name="age"
                        type="radio"
                        value={band}
                        defaultChecked={band === ""}
                      />
                      <label className="govuk-label govuk-radios__label" htmlFor={id}>
                        {band ? t(`common:ageBands.${band}`) : t("form.anyAge")}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
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
