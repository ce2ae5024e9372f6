import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export type ErrorItem = { href: string; text: string };

/** GOV.UK error summary: takes focus when shown so screen readers announce it. */
export function ErrorSummary({ errors }: { errors: ErrorItem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{t("errors.summaryTitle")}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={e.href}>
                <a href={e.href}>{e.text}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
