import { useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export type ErrorItem = { href: string; text: string };

/**
 * As GOV.UK Frontend does: a link in the summary puts the cursor in its field and scrolls its
 * label or legend into view, instead of only jumping to it. Without JavaScript the link still jumps.
 */
function focusField(event: React.MouseEvent<HTMLAnchorElement>) {
  const id = event.currentTarget.hash.slice(1);
  const input = id ? document.getElementById(id) : null;
  if (!input) return;
  event.preventDefault();
  const legend = input.closest("fieldset")?.querySelector("legend");
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (legend ?? label ?? input).scrollIntoView();
  input.focus({ preventScroll: true });
}

/** GOV.UK error summary: takes focus when shown so screen readers announce it. */
export function ErrorSummary({ errors }: { errors: ErrorItem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const navigation = useNavigation();
  const busy = useRef(false);
  const shown = errors.length > 0;
  // Focus when the page arrives with errors, and each time a submission or search comes back with
  // them; never on other re-renders, which would pull focus back from the field someone moved to.
  useEffect(() => {
    if (shown) ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on the first render only, by design
  }, []);
  useEffect(() => {
    if (navigation.state !== "idle") {
      busy.current = true;
    } else if (busy.current) {
      busy.current = false;
      if (shown) ref.current?.focus();
    }
  }, [navigation.state, shown]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{t("errors.summaryTitle")}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={e.href}>
                <a href={e.href} onClick={focusField}>
                  {e.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
