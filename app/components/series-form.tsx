// The session series form, shared by "add a series" and "change a series". Plain GOV.UK markup in
// a Remix <Form>, so it works without JavaScript; the server parses it (app/utils/series-form.ts).
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { BOOKING_MODES, PLACE_UNITS } from "../../db/schema";
import type { ErrorItem } from "~/components/govuk/error-summary";
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

function cx(...names: (string | false | undefined)[]) {
  return names.filter(Boolean).join(" ");
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation("timetable");
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("common:errors.prefix")}</span> {error}
    </p>
  );
}

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <div id={`${id}-hint`} className="govuk-hint">
      {children}
    </div>
  );
}

function Text(p: {
  name: string;
  label: string;
  hint?: string;
  value?: string;
  error?: string;
  width?: string;
  inputMode?: "text" | "numeric" | "decimal";
  prefix?: string;
  spellCheck?: boolean;
}) {
  const input = (
    <input
      className={cx("govuk-input", p.width, p.error && "govuk-input--error")}
      id={p.name}
      name={p.name}
      type="text"
      defaultValue={p.value ?? ""}
      inputMode={p.inputMode}
      spellCheck={p.spellCheck}
      autoComplete="off"
      aria-describedby={describedBy(p.name, p.hint, p.error)}
    />
  );
  return (
    <div className={cx("govuk-form-group", p.error && "govuk-form-group--error")}>
      <label className="govuk-label" htmlFor={p.name}>
        {p.label}
      </label>
      <Hint id={p.name}>{p.hint}</Hint>
      <ErrorText id={p.name} error={p.error} />
      {p.prefix ? (
        <div className="govuk-input__wrapper">
          <div className="govuk-input__prefix" aria-hidden="true">
            {p.prefix}
          </div>
          {input}
        </div>
      ) : (
        input
      )}
    </div>
  );
}

function TextArea(p: { name: string; label: string; hint?: string; value?: string; error?: string; rows?: number }) {
  return (
    <div className={cx("govuk-form-group", p.error && "govuk-form-group--error")}>
      <label className="govuk-label" htmlFor={p.name}>
        {p.label}
      </label>
      <Hint id={p.name}>{p.hint}</Hint>
      <ErrorText id={p.name} error={p.error} />
      <textarea
        className={cx("govuk-textarea", p.error && "govuk-textarea--error")}
        id={p.name}
        name={p.name}
        rows={p.rows ?? 3}
        defaultValue={p.value ?? ""}
        aria-describedby={describedBy(p.name, p.hint, p.error)}
      />
    </div>
  );
}

/** One checkbox that stands alone, with its own label (no fieldset needed). */
function SingleCheckbox(p: { name: string; label: string; hint?: string; checked: boolean; error?: string }) {
  return (
    <div className={cx("govuk-form-group", p.error && "govuk-form-group--error")}>
      <ErrorText id={p.name} error={p.error} />
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={p.name}
            name={p.name}
            type="checkbox"
            value="1"
            defaultChecked={p.checked}
            aria-describedby={describedBy(p.name, p.hint, p.error)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={p.name}>
            {p.label}
          </label>
          {p.hint && (
            <div id={`${p.name}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {p.hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

function RadioGroup(p: { name: string; legend: string; options: { value: string; label: string; hint?: string }[]; value?: string; error?: string }) {
  return (
    <div className={cx("govuk-form-group", p.error && "govuk-form-group--error")}>
      <fieldset className="govuk-fieldset" aria-describedby={p.error ? `${p.name}-error` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{p.legend}</legend>
        <ErrorText id={p.name} error={p.error} />
        <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
          {p.options.map((o, i) => {
            const id = i === 0 ? p.name : `${p.name}-${o.value}`;
            return (
              <div className="govuk-radios__item" key={o.value}>
                <input
                  className="govuk-radios__input"
                  id={id}
                  name={p.name}
                  type="radio"
                  value={o.value}
                  defaultChecked={p.value === o.value}
                  aria-describedby={o.hint ? `${id}-hint` : undefined}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
                  {o.label}
                </label>
                {o.hint && (
                  <div id={`${id}-hint`} className="govuk-hint govuk-radios__hint">
                    {o.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
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
  const days = new Set((values.weekdays ?? "").split(",").filter(Boolean));
  const text = (name: (typeof SERIES_FIELDS)[number]) => ({ name, value: values[name], error: errors[name] });

  return (
    <Form method="post" id="series-form" noValidate>
      <input type="hidden" name="intent" value="save" />

      <h2 className="govuk-heading-m">{t("form.about")}</h2>
      <div className={cx("govuk-form-group", errors.type && "govuk-form-group--error")}>
        <label className="govuk-label" htmlFor="type">
          {t("form.type")}
        </label>
        <ErrorText id="type" error={errors.type} />
        <select
          className={cx("govuk-select", errors.type && "govuk-select--error")}
          id="type"
          name="type"
          defaultValue={values.type ?? ""}
          aria-describedby={errors.type ? "type-error" : undefined}
        >
          <option value="">{t("form.chooseType")}</option>
          {SESSION_TYPE_SLUGS.map((slug) => (
            <option key={slug} value={slug}>
              {t(`common:types.${slug}`)}
            </option>
          ))}
        </select>
      </div>
      <Text {...text("title")} label={t("form.title")} width="govuk-!-width-three-quarters" />
      <TextArea {...text("description")} label={t("form.description")} hint={t("form.descriptionHint")} rows={5} />
      <TextArea {...text("whatToBring")} label={t("form.whatToBring")} hint={t("form.optional")} />
      <Text {...text("facilitator")} label={t("form.facilitator")} hint={t("form.facilitatorHint")} width="govuk-!-width-one-half" />

      <h2 className="govuk-heading-m">{t("form.when")}</h2>
      <div className={cx("govuk-form-group", errors.weekdays && "govuk-form-group--error")}>
        <fieldset className="govuk-fieldset" aria-describedby={describedBy("weekdays", true, errors.weekdays)}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("form.weekdays")}</legend>
          <Hint id="weekdays">{t("form.weekdaysHint")}</Hint>
          <ErrorText id="weekdays" error={errors.weekdays} />
          <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            {WEEKDAY_SLUGS.map((slug, i) => {
              const value = String(i + 1);
              const id = i === 0 ? "weekdays" : `weekdays-${value}`;
              return (
                <div className="govuk-checkboxes__item" key={slug}>
                  <input className="govuk-checkboxes__input" id={id} name="weekdays" type="checkbox" value={value} defaultChecked={days.has(value)} />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                    {t(`common:days.${slug}`)}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <Text {...text("startTime")} label={t("form.startTime")} hint={t("form.timeHint")} width="govuk-input--width-5" />
      <Text {...text("endTime")} label={t("form.endTime")} hint={t("form.timeHint")} width="govuk-input--width-5" />
      <Text {...text("startDate")} label={t("form.startDate")} hint={t("form.startDateHint")} width="govuk-input--width-10" />
      <Text {...text("endDate")} label={t("form.endDate")} hint={t("form.endDateHint")} width="govuk-input--width-10" />
      <SingleCheckbox name="termTimeOnly" label={t("form.termTimeOnly")} hint={t("form.termTimeOnlyHint")} checked={values.termTimeOnly === "1"} error={errors.termTimeOnly} />

      <h2 className="govuk-heading-m">{t("form.places")}</h2>
      <Text {...text("capacity")} label={t("form.capacity")} hint={t("form.capacityHint")} width="govuk-input--width-3" inputMode="numeric" />
      <RadioGroup
        name="bookingMode"
        legend={t("form.bookingMode")}
        value={values.bookingMode}
        error={errors.bookingMode}
        options={BOOKING_MODES.map((m) => ({ value: m, label: t(`form.bookingModes.${m}`), hint: t(`form.bookingModeHints.${m}`) }))}
      />
      <RadioGroup
        name="placeUnit"
        legend={t("form.placeUnit")}
        value={values.placeUnit}
        error={errors.placeUnit}
        options={PLACE_UNITS.map((u) => ({ value: u, label: t(`form.placeUnits.${u}`) }))}
      />

      <h2 className="govuk-heading-m">{t("form.whoFor")}</h2>
      <Text {...text("ageMinMonths")} label={t("form.ageMinMonths")} hint={t("form.ageHint")} width="govuk-input--width-3" inputMode="numeric" />
      <Text {...text("ageMaxMonths")} label={t("form.ageMaxMonths")} hint={t("form.ageHint")} width="govuk-input--width-3" inputMode="numeric" />
      <SingleCheckbox name="forPregnancy" label={t("form.forPregnancy")} checked={values.forPregnancy === "1"} error={errors.forPregnancy} />
      <Text {...text("languages")} label={t("form.languages")} hint={t("form.languagesHint")} width="govuk-input--width-20" spellCheck={false} />
      <SingleCheckbox name="sendFriendly" label={t("form.sendFriendly")} hint={t("form.sendFriendlyHint")} checked={values.sendFriendly === "1"} error={errors.sendFriendly} />

      <h2 className="govuk-heading-m">{t("form.costHeading")}</h2>
      <Text {...text("cost")} label={t("form.cost")} hint={t("form.costHint")} width="govuk-input--width-5" inputMode="decimal" prefix="£" />
      <TextArea {...text("costNotes")} label={t("form.costNotes")} hint={t("form.optional")} rows={2} />

      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
