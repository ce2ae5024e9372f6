// The screen register's walk-ins: who came without booking, and the form to add the next one.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Select, SingleCheckbox, TextInput } from "~/components/govuk/fields";
import { Table } from "~/components/govuk/table";
import { EXPECTING } from "~/domain/booking";
import { childAgeChoices, childAgeLabel } from "~/utils/booking-form";
import { type RegisterData, registerTable, walkInColumns } from "./columns";
import { AGE_FIELDS, ageField, MAX_PEOPLE } from "./form-fields";

export function WalkIns({ data, errors, values }: { data: RegisterData; errors: Record<string, string>; values: Record<string, string> }) {
  const { t } = useTranslation("register");
  const { walkIns, occurrence } = data;
  const table = registerTable(walkInColumns(t), "screen", walkIns, (w) => ({ key: w.id }));
  return (
    <>
      <h2 className="govuk-heading-m" id="walk-ins" tabIndex={-1}>
        {t("walkIns.heading")}
      </h2>
      {walkIns.length === 0 ? (
        <p className="govuk-body">{t("walkIns.none")}</p>
      ) : (
        <div className="app-register__scroll" role="region" aria-labelledby="walk-ins-caption" tabIndex={0}>
          <Table
            caption={t("walkIns.caption", { count: walkIns.length })}
            captionSize="s"
            captionId="walk-ins-caption"
            head={table.head}
            rows={table.rows}
          />
        </div>
      )}

      {!occurrence.cancelled && !occurrence.notYet && (
        // A new key after each walk-in is added empties the form for the next family.
        <WalkInForm key={walkIns.length} errors={errors} values={values} />
      )}
    </>
  );
}

function WalkInForm({ errors, values }: { errors: Record<string, string>; values: Record<string, string> }) {
  const { t } = useTranslation("register");
  const counts = Array.from({ length: MAX_PEOPLE + 1 }, (_, n) => ({ value: String(n), label: String(n) }));
  // Brothers and sisters come too: ages up to 19 years, and a baby on the way.
  const ageOptions = [
    { value: "", label: t("walkIn.ageUnknown") },
    ...childAgeChoices(19 * 12, true).map((m) => ({
      value: m === EXPECTING ? "expecting" : String(m),
      label: childAgeLabel(m, t, "register:ages"),
    })),
  ];
  const ageFields = Array.from({ length: AGE_FIELDS }, (_, i) => ageField(i));
  const agesOpen = ageFields.some((f) => errors[f] || values[f]);
  return (
    <Form method="post" noValidate id="walk-in" className="app-register__walk-in">
      <input type="hidden" name="intent" value="walk-in" />
      <h3 className="govuk-heading-s">{t("walkIn.heading")}</h3>
      {errors.walkIn && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">{t("common:errors.prefix")}</span> {errors.walkIn}
        </p>
      )}
      <TextInput
        id="name"
        name="name"
        label={t("walkIn.name")}
        hint={t("walkIn.nameHint")}
        error={errors.name}
        defaultValue={values.name}
        className="govuk-!-width-one-half"
        autoComplete="off"
        spellCheck={false}
      />
      <div className="app-register__counts">
        <Select
          id="children"
          name="children"
          label={t("walkIn.children")}
          options={counts}
          defaultValue={values.children ?? "1"}
          error={errors.children}
        />
        <Select
          id="adults"
          name="adults"
          label={t("walkIn.adults")}
          options={counts}
          defaultValue={values.adults ?? "1"}
          error={errors.adults}
        />
      </div>
      <details className="govuk-details" open={agesOpen || undefined}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">{t("walkIn.agesSummary")}</span>
        </summary>
        <div className="govuk-details__text">
          <fieldset className="govuk-fieldset" aria-describedby="ages-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("walkIn.agesLegend")}</legend>
            <div id="ages-hint" className="govuk-hint">
              {t("walkIn.agesHint")}
            </div>
            <div className="app-register__ages">
              {ageFields.map((f, i) => (
                <Select
                  key={f}
                  id={f}
                  name={f}
                  label={t("walkIn.childAge", { number: i + 1 })}
                  options={ageOptions}
                  defaultValue={values[f] ?? ""}
                  error={errors[f]}
                />
              ))}
            </div>
          </fieldset>
        </div>
      </details>
      <TextInput
        id="postcode"
        name="postcode"
        label={t("walkIn.postcode")}
        hint={t("walkIn.postcodeHint")}
        error={errors.postcode}
        defaultValue={values.postcode}
        className="govuk-input--width-10"
        autoComplete="off"
        spellCheck={false}
      />
      <SingleCheckbox name="firstVisit" value="yes" label={t("walkIn.firstVisit")} checked={values.firstVisit === "yes"} small />
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {t("walkIn.submit")}
      </button>
    </Form>
  );
}
