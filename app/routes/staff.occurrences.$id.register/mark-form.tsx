// The buttons on a family's row of the screen register: attended, no-show, or clear the mark.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function MarkForm({ bookingId, name, current }: { bookingId: number; name: string; current: "attended" | "no-show" | null }) {
  const { t } = useTranslation("register");
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="mark" />
      <input type="hidden" name="booking" value={bookingId} />
      <div className="govuk-button-group app-register__buttons">
        {current !== "attended" && (
          <button type="submit" name="status" value="attended" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("mark.attended")} <span className="govuk-visually-hidden">{name}</span>
          </button>
        )}
        {current !== "no-show" && (
          <button type="submit" name="status" value="no-show" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            {t("mark.no-show")} <span className="govuk-visually-hidden">{name}</span>
          </button>
        )}
        {current !== null && (
          <button type="submit" name="status" value="clear" className="govuk-button govuk-button--warning" data-module="govuk-button">
            {t("mark.clear")} <span className="govuk-visually-hidden">{name}</span>
          </button>
        )}
      </div>
    </Form>
  );
}
