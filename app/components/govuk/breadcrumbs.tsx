import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** GOV.UK breadcrumbs; `lang` marks an item written by staff (a session title) as content. */
export function Breadcrumbs({ items }: { items: { to: string; label: string; lang?: string }[] }) {
  const { t } = useTranslation();
  return (
    <nav className="govuk-breadcrumbs" aria-label={t("common:layout.breadcrumb")}>
      <ol className="govuk-breadcrumbs__list">
        {items.map((item) => (
          <li className="govuk-breadcrumbs__list-item" key={item.to}>
            <Link className="govuk-breadcrumbs__link" to={item.to} lang={item.lang}>
              {item.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
