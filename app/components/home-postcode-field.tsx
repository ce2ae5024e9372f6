// The optional home postcode on the booking form (also when staff book on a family's behalf). Only
// its neighbourhood and that area's deprivation decile are kept, never the postcode (decision 009).
import { useTranslation } from "react-i18next";
import { TextInput } from "~/components/govuk/fields";
import { HOME_POSTCODE_FIELD } from "~/utils/booking-form";

export function HomePostcodeField({ error, defaultValue }: { error?: string; defaultValue?: string }) {
  const { t } = useTranslation("booking");
  return (
    <TextInput
      id={HOME_POSTCODE_FIELD}
      name={HOME_POSTCODE_FIELD}
      label={t("booking:form.homePostcode")}
      hint={t("booking:form.homePostcodeHint")}
      error={error}
      defaultValue={defaultValue}
      autoComplete="postal-code"
      spellCheck={false}
      className="govuk-input--width-10"
    />
  );
}
