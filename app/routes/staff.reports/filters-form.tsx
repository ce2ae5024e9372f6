// The report's filters: a GET form, so the chosen report is a URL to bookmark or share. Works
// without JavaScript: every period field is always there, and "Period" says which one counts.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Select, TextInput } from "~/components/govuk/fields";
import { AGE_BANDS } from "~/domain/age-bands";
import { PERIOD_KINDS } from "~/domain/report-period";
import { SESSION_TYPE_SLUGS } from "~/domain/session-types";
import { formatDateRange } from "~/utils/format";

/** The error summary's order: the form's fields from the top. */
export const FIELD_ORDER = ["period", "week", "month", "term", "quarter", "from", "to", "la", "locality", "hub", "type", "age"];

type Choices = {
  hubs: { slug: string; name: string }[];
  localities: { slug: string; name: string }[];
  localAuthorities: { slug: string; name: string }[];
  terms: { id: number; name: string; startDate: string; endDate: string }[];
};

export function FiltersForm(p: { values: Record<string, string>; errors: Record<string, string>; kind: string; choices: Choices }) {
  const { t, i18n } = useTranslation("reports");
  const lng = i18n.language;
  const any = { value: "", label: t("filters.any") };
  return (
    <Form method="get" action="/staff/reports" className="app-report__filters" aria-labelledby="filters-heading">
      <h2 className="govuk-heading-m" id="filters-heading">
        {t("filters.heading")}
      </h2>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("filters.periodLegend")}</legend>
        <Select
          id="period"
          name="period"
          label={t("filters.period")}
          hint={t("filters.periodHint")}
          options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`periods.${k}`) }))}
          defaultValue={p.kind}
          error={p.errors.period}
        />
        <div className="app-report__period-fields">
          <TextInput
            id="week"
            name="week"
            label={t("filters.week")}
            hint={t("filters.weekHint")}
            defaultValue={p.values.week}
            error={p.errors.week}
            className="govuk-input--width-10"
            dir="ltr"
          />
          <TextInput
            id="month"
            name="month"
            label={t("filters.month")}
            hint={t("filters.monthHint")}
            defaultValue={p.values.month}
            error={p.errors.month}
            className="govuk-input--width-10"
            dir="ltr"
          />
          <Select
            id="term"
            name="term"
            label={t("filters.term")}
            options={[
              any,
              ...p.choices.terms.map((term) => ({
                value: String(term.id),
                label: `${term.name} (${formatDateRange(term.startDate, term.endDate, lng)})`,
              })),
            ]}
            defaultValue={p.values.term}
            error={p.errors.term}
          />
          <TextInput
            id="quarter"
            name="quarter"
            label={t("filters.quarter")}
            hint={t("filters.quarterHint")}
            defaultValue={p.values.quarter}
            error={p.errors.quarter}
            className="govuk-input--width-10"
            dir="ltr"
          />
          <TextInput
            id="from"
            name="from"
            label={t("filters.from")}
            hint={t("filters.dateHint")}
            defaultValue={p.values.from}
            error={p.errors.from}
            className="govuk-input--width-10"
            dir="ltr"
          />
          <TextInput
            id="to"
            name="to"
            label={t("filters.to")}
            hint={t("filters.dateHint")}
            defaultValue={p.values.to}
            error={p.errors.to}
            className="govuk-input--width-10"
            dir="ltr"
          />
        </div>
      </fieldset>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("filters.whereLegend")}</legend>
        <div className="app-report__where">
          <Select
            id="la"
            name="la"
            label={t("filters.la")}
            options={[any, ...p.choices.localAuthorities.map((c) => ({ value: c.slug, label: c.name }))]}
            defaultValue={p.values.la}
            error={p.errors.la}
          />
          <Select
            id="locality"
            name="locality"
            label={t("filters.locality")}
            options={[any, ...p.choices.localities.map((c) => ({ value: c.slug, label: c.name }))]}
            defaultValue={p.values.locality}
            error={p.errors.locality}
          />
          <Select
            id="hub"
            name="hub"
            label={t("filters.hub")}
            options={[any, ...p.choices.hubs.map((c) => ({ value: c.slug, label: c.name, lang: "en" }))]}
            defaultValue={p.values.hub}
            error={p.errors.hub}
          />
          <Select
            id="type"
            name="type"
            label={t("filters.type")}
            options={[any, ...SESSION_TYPE_SLUGS.map((s) => ({ value: s, label: t(`common:types.${s}`) }))]}
            defaultValue={p.values.type}
            error={p.errors.type}
          />
          <Select
            id="age"
            name="age"
            label={t("filters.age")}
            options={[any, ...AGE_BANDS.map((b) => ({ value: b, label: t(`common:ageBands.${b}`) }))]}
            defaultValue={p.values.age}
            error={p.errors.age}
          />
        </div>
      </fieldset>
      <button type="submit" className="govuk-button">
        {t("filters.submit")}
      </button>
    </Form>
  );
}
