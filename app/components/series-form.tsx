// The session series form, shared by "add a series" and "change a series". Plain GOV.UK markup in
// a Remix <Form>, so it works without JavaScript; the server parses it (app/utils/series-form.ts).
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BOOKING_MODES, PLACE_UNITS } from "../../db/schema";
import type { ErrorItem } from "~/components/govuk/error-summary";
import { Checkboxes, Radios, Select, SingleCheckbox, Textarea, TextInput } from "~/components/govuk/fields";
import { WEEKDAY_SLUGS } from "~/domain/dates";
import { SESSION_TYPE_SLUGS } from "~/domain/session-types";
import { SERIES_FIELDS, type SeriesFormValues } from "~/utils/series-form";

export type SeriesFormErrors = Partial<Record<string, string>>;

/** The error summary's entries, in page order, each linking to its field. */
export function seriesErrorList(errors: SeriesFormErrors, extra: string[] = []): ErrorItem[] {
  return ["form", ...SERIES_FIELDS, ...extra]
    .filter((f) => errors[f])
    .map((f) => ({ href: f === "form" ? "#series-form" : `#${f}`, text: errors[f] as string }));
}

export function SeriesForm({
  values,
  errors,
  submitLabel,
  busy = false,
}: {
  values: SeriesFormValues;
  errors: SeriesFormErrors;
  submitLabel: string;
  busy?: boolean;
}) {
  const { t } = useTranslation("timetable");
  const field = (name: (typeof SERIES_FIELDS)[number]) => ({ id: name, name, defaultValue: values[name] ?? "", error: errors[name] });
  const input = (name: (typeof SERIES_FIELDS)[number]) => ({ ...field(name), autoComplete: "off" });

  return (
    <Form method="post" id="series-form" noValidate>
      <input type="hidden" name="intent" value="save" />

      <h2 className="govuk-heading-m">{t("form.about")}</h2>
      <Select
        id="type"
        name="type"
        label={t("form.type")}
        options={[
          { value: "", label: t("form.chooseType") },
          ...SESSION_TYPE_SLUGS.map((slug) => ({ value: slug, label: t(`common:types.${slug}`) })),
        ]}
        defaultValue={values.type ?? ""}
        error={errors.type}
      />
      <TextInput {...input("title")} label={t("form.title")} className="govuk-!-width-three-quarters" />
      <Textarea {...field("description")} label={t("form.description")} hint={t("form.descriptionHint")} rows={5} />
      <Textarea {...field("whatToBring")} label={t("form.whatToBring")} hint={t("form.optional")} rows={3} />
      <TextInput {...input("facilitator")} label={t("form.facilitator")} hint={t("form.facilitatorHint")} className="govuk-!-width-one-half" />

      <h2 className="govuk-heading-m">{t("form.when")}</h2>
      <Checkboxes
        name="weekdays"
        legend={t("form.weekdays")}
        hint={t("form.weekdaysHint")}
        error={errors.weekdays}
        small
        options={WEEKDAY_SLUGS.map((slug, i) => ({ value: String(i + 1), label: t(`common:days.${slug}`) }))}
        defaultValue={(values.weekdays ?? "").split(",")}
      />
      <TextInput {...input("startTime")} label={t("form.startTime")} hint={t("form.timeHint")} className="govuk-input--width-5" />
      <TextInput {...input("endTime")} label={t("form.endTime")} hint={t("form.timeHint")} className="govuk-input--width-5" />
      <TextInput {...input("startDate")} label={t("form.startDate")} hint={t("form.startDateHint")} className="govuk-input--width-10" />
      <TextInput {...input("endDate")} label={t("form.endDate")} hint={t("form.endDateHint")} className="govuk-input--width-10" />
      <SingleCheckbox
        small
        name="termTimeOnly"
        label={t("form.termTimeOnly")}
        hint={t("form.termTimeOnlyHint")}
        checked={values.termTimeOnly === "1"}
        error={errors.termTimeOnly}
      />

      <h2 className="govuk-heading-m">{t("form.places")}</h2>
      <TextInput
        {...input("capacity")}
        label={t("form.capacity")}
        hint={t("form.capacityHint")}
        className="govuk-input--width-3"
        inputMode="numeric"
      />
      <Radios
        name="bookingMode"
        legend={t("form.bookingMode")}
        small
        defaultValue={values.bookingMode}
        error={errors.bookingMode}
        options={BOOKING_MODES.map((m) => ({ value: m, label: t(`form.bookingModes.${m}`), hint: t(`form.bookingModeHints.${m}`) }))}
      />
      <Radios
        name="placeUnit"
        legend={t("form.placeUnit")}
        small
        defaultValue={values.placeUnit}
        error={errors.placeUnit}
        options={PLACE_UNITS.map((u) => ({ value: u, label: t(`form.placeUnits.${u}`) }))}
      />

      <h2 className="govuk-heading-m">{t("form.whoFor")}</h2>
      <TextInput
        {...input("ageMinMonths")}
        label={t("form.ageMinMonths")}
        hint={t("form.ageHint")}
        className="govuk-input--width-3"
        inputMode="numeric"
      />
      <TextInput
        {...input("ageMaxMonths")}
        label={t("form.ageMaxMonths")}
        hint={t("form.ageHint")}
        className="govuk-input--width-3"
        inputMode="numeric"
      />
      <SingleCheckbox
        small
        name="forPregnancy"
        label={t("form.forPregnancy")}
        checked={values.forPregnancy === "1"}
        error={errors.forPregnancy}
      />
      <TextInput
        {...input("languages")}
        label={t("form.languages")}
        hint={t("form.languagesHint")}
        className="govuk-input--width-20"
        spellCheck={false}
      />
      <SingleCheckbox
        small
        name="sendFriendly"
        label={t("form.sendFriendly")}
        hint={t("form.sendFriendlyHint")}
        checked={values.sendFriendly === "1"}
        error={errors.sendFriendly}
      />

      <h2 className="govuk-heading-m">{t("form.costHeading")}</h2>
      <TextInput
        {...input("cost")}
        label={t("form.cost")}
        hint={t("form.costHint")}
        className="govuk-input--width-5"
        inputMode="decimal"
        prefix="£"
      />
      <Textarea {...field("costNotes")} label={t("form.costNotes")} hint={t("form.optional")} rows={2} />

      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
