// "You said, we did" on the hub and locality pages: newest first, what families said and what the
// hub did. Staff write it in English, so it is marked lang="en" unless a translation into the
// page's language was entered; the number of families is shown only from five up.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { DisclosedCount } from "~/domain/disclosure";

export type YouSaidEntry = {
  id: number;
  said: string;
  did: string;
  lang: string;
  didOn: string;
  families: DisclosedCount;
  hub?: { slug: string; name: string };
};

export function YouSaidWeDid({
  entries,
  feedbackHref,
  feedbackLabel,
  intro,
}: {
  entries: YouSaidEntry[];
  feedbackHref?: string;
  feedbackLabel?: string;
  intro: string;
}) {
  const { t } = useTranslation("feedback");
  return (
    <section aria-labelledby="you-said-we-did" className="app-you-said">
      <h2 className="govuk-heading-m" id="you-said-we-did">
        {t("youSaid.heading")}
      </h2>
      <p className="govuk-body">{intro}</p>
      {entries.length === 0 ? (
        <p className="govuk-body">{t("youSaid.none")}</p>
      ) : (
        <ul className="govuk-list">
          {entries.map((e) => (
            <li key={e.id} className="app-you-said__entry">
              <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-2">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t("youSaid.said")}</dt>
                  <dd className="govuk-summary-list__value" lang={e.lang}>
                    {e.said}
                  </dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t("youSaid.did")}</dt>
                  <dd className="govuk-summary-list__value" lang={e.lang}>
                    {e.did}
                  </dd>
                </div>
              </dl>
              <p className="govuk-body-s app-muted">
                {t("youSaid.when", { date: e.didOn })} ·{" "}
                {e.families.suppressed ? t("youSaid.fewFamilies") : t("youSaid.families", { count: e.families.value })}
                {e.hub && (
                  <>
                    {" · "}
                    <Link className="govuk-link" to={`/hubs/${e.hub.slug}#you-said-we-did`}>
                      {t("youSaid.atHub", { name: e.hub.name })}
                    </Link>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {feedbackHref && (
        <p className="govuk-body">
          <Link className="govuk-link" to={feedbackHref}>
            {feedbackLabel ?? t("youSaid.tellUs")}
          </Link>
        </p>
      )}
    </section>
  );
}
