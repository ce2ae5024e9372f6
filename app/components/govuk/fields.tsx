// Thin React renderings of GOV.UK Frontend form markup.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

function cx(...names: (string | false | undefined)[]) {
  return names.filter(Boolean).join(" ");
}

function ErrorMessage({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("errors.prefix")}</span> {error}
    </p>
  );
}

type TextInputProps = {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  className?: string;
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "email" | "tel";
  type?: "text" | "email" | "tel" | "password";
  labelClassName?: string;
  spellCheck?: boolean;
  /** Postcodes, emails and phone numbers read left to right even on an Urdu or Arabic page. */
  dir?: "ltr";
};

export function TextInput(p: TextInputProps) {
  const describedBy = [p.hint && `${p.id}-hint`, p.error && `${p.id}-error`].filter(Boolean).join(" ");
  return (
    <div className={cx("govuk-form-group", p.error && "govuk-form-group--error")}>
      <label className={cx("govuk-label", p.labelClassName)} htmlFor={p.id}>
        {p.label}
      </label>
      {p.hint && (
        <div id={`${p.id}-hint`} className="govuk-hint">
          {p.hint}
        </div>
      )}
      <ErrorMessage id={p.id} error={p.error} />
      <input
        className={cx("govuk-input", p.className, p.error && "govuk-input--error")}
        id={p.id}
        name={p.name}
        type={p.type ?? "text"}
        defaultValue={p.defaultValue}
        autoComplete={p.autoComplete}
        inputMode={p.inputMode}
        spellCheck={p.spellCheck}
        dir={p.dir ?? (p.type === "email" || p.type === "tel" ? "ltr" : undefined)}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

type Option = { value: string; label: string };

export function Select(p: {
  id: string;
  name: string;
  label: ReactNode;
  options: Option[];
  groups?: { label: string; options: Option[] }[];
  defaultValue?: string;
  error?: string;
  hint?: ReactNode;
}) {
  const describedBy = [p.hint && `${p.id}-hint`, p.error && `${p.id}-error`].filter(Boolean).join(" ");
  return (
    <div className={cx("govuk-form-group", p.error && "govuk-form-group--error")}>
      <label className="govuk-label" htmlFor={p.id}>
        {p.label}
      </label>
      {p.hint && (
        <div id={`${p.id}-hint`} className="govuk-hint">
          {p.hint}
        </div>
      )}
      <ErrorMessage id={p.id} error={p.error} />
      <select
        className={cx("govuk-select", p.error && "govuk-select--error")}
        id={p.id}
        name={p.name}
        defaultValue={p.defaultValue ?? ""}
        aria-describedby={describedBy || undefined}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {p.groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function Radios(p: {
  name: string;
  legend: ReactNode;
  options: Option[];
  defaultValue?: string;
  error?: string;
  small?: boolean;
  legendClassName?: string;
}) {
  const id = p.name;
  return (
    <div className={cx("govuk-form-group", p.error && "govuk-form-group--error")}>
      <fieldset className="govuk-fieldset" aria-describedby={p.error ? `${id}-error` : undefined}>
        <legend className={cx("govuk-fieldset__legend", p.legendClassName ?? "govuk-fieldset__legend--s")}>
          {p.legend}
        </legend>
        <ErrorMessage id={id} error={p.error} />
        <div className={cx("govuk-radios", p.small && "govuk-radios--small")} data-module="govuk-radios">
          {p.options.map((o, i) => (
            <div className="govuk-radios__item" key={o.value}>
              <input
                className="govuk-radios__input"
                id={i === 0 ? id : `${id}-${o.value || "any"}`}
                name={p.name}
                type="radio"
                value={o.value}
                defaultChecked={(p.defaultValue ?? "") === o.value}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? id : `${id}-${o.value || "any"}`}>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkbox(p: { name: string; label: ReactNode; checked?: boolean; value?: string }) {
  return (
    <div className="govuk-checkboxes__item">
      <input
        className="govuk-checkboxes__input"
        id={p.name}
        name={p.name}
        type="checkbox"
        value={p.value ?? "1"}
        defaultChecked={p.checked}
      />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={p.name}>
        {p.label}
      </label>
    </div>
  );
}
