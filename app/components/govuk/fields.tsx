// Thin React renderings of GOV.UK Frontend form markup: the one place the app writes a form
// field, so ids, hints, error messages and aria-describedby agree on every page.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

function cx(...names: (string | false | undefined)[]) {
  return names.filter(Boolean).join(" ");
}

/** The ids a field's hint and error message get, so its control can point at them. */
function describedBy(id: string, hint: unknown, error: unknown) {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <div id={`${id}-hint`} className="govuk-hint">
      {hint}
    </div>
  );
}

/** The message by a field; also for the rare error that belongs to no single control. */
export function ErrorMessage({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("errors.prefix")}</span> {error}
    </p>
  );
}

type LabelledProps = {
  id: string;
  label: ReactNode;
  labelClassName?: string;
  hint?: ReactNode;
  error?: string;
  /** Drawn right after the control, such as the button of a one-field form ("Show this week"). */
  after?: ReactNode;
};

/** A form group whose one control is named by a <label>: text inputs, selects and textareas. */
function LabelledField(p: LabelledProps & { children: ReactNode }) {
  return (
    <div className={cx("govuk-form-group", p.error && "govuk-form-group--error")}>
      <label className={cx("govuk-label", p.labelClassName)} htmlFor={p.id}>
        {p.label}
      </label>
      <Hint id={p.id} hint={p.hint} />
      <ErrorMessage id={p.id} error={p.error} />
      {p.children}
      {p.after && <> {p.after}</>}
    </div>
  );
}

type TextInputProps = LabelledProps & {
  name: string;
  defaultValue?: string;
  className?: string;
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "decimal" | "email" | "tel";
  type?: "text" | "email" | "tel" | "password";
  spellCheck?: boolean;
  /** Postcodes, emails and phone numbers read left to right even on an Urdu or Arabic page; a translation in its own direction. */
  dir?: "ltr" | "rtl";
  /** The language of what is typed, when it is not the page's (a translation). */
  lang?: string;
  /** A unit shown before the box, such as "£"; hidden from screen readers, so the label must say it too. */
  prefix?: string;
};

export function TextInput(p: TextInputProps) {
  const input = (
    <input
      className={cx("govuk-input", p.className, p.error && "govuk-input--error")}
      id={p.id}
      name={p.name}
      type={p.type ?? "text"}
      defaultValue={p.defaultValue}
      lang={p.lang}
      autoComplete={p.autoComplete}
      inputMode={p.inputMode}
      spellCheck={p.spellCheck}
      dir={p.dir ?? (p.type === "email" || p.type === "tel" ? "ltr" : undefined)}
      aria-describedby={describedBy(p.id, p.hint, p.error)}
    />
  );
  return (
    <LabelledField {...p}>
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
    </LabelledField>
  );
}

export function Textarea(
  p: LabelledProps & {
    name: string;
    defaultValue?: string;
    rows?: number;
    /** The browser stops typing here; say the limit in the hint too, as screen readers do not announce it. */
    maxLength?: number;
    /** The language and direction of what is typed, when it is not the page's (a translation). */
    lang?: string;
    dir?: "ltr" | "rtl";
  },
) {
  return (
    <LabelledField {...p}>
      <textarea
        lang={p.lang}
        dir={p.dir}
        className={cx("govuk-textarea", p.error && "govuk-textarea--error")}
        id={p.id}
        name={p.name}
        rows={p.rows ?? 5}
        maxLength={p.maxLength}
        defaultValue={p.defaultValue}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
      />
    </LabelledField>
  );
}

/** `lang` for an option written in its own language, such as a language's name. */
type Option = { value: string; label: string; lang?: string };

export function Select(
  p: LabelledProps & {
    name: string;
    options: Option[];
    groups?: { label: string; options: Option[] }[];
    defaultValue?: string;
  },
) {
  return (
    <LabelledField {...p}>
      <select
        className={cx("govuk-select", p.error && "govuk-select--error")}
        id={p.id}
        name={p.name}
        defaultValue={p.defaultValue ?? ""}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
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
    </LabelledField>
  );
}

type ChoiceKind = "radios" | "checkboxes";
type ChoiceOption = { value: string; label: ReactNode; hint?: ReactNode };

/** One radio or checkbox with its label and optional hint; the two differ only in class names and type. */
function ChoiceItem(p: ChoiceOption & { kind: ChoiceKind; id: string; name: string; checked: boolean; errorId?: string }) {
  const describedBy = [p.hint ? `${p.id}-hint` : "", p.errorId ?? ""].filter(Boolean).join(" ");
  return (
    <div className={`govuk-${p.kind}__item`}>
      <input
        className={`govuk-${p.kind}__input`}
        id={p.id}
        name={p.name}
        type={p.kind === "radios" ? "radio" : "checkbox"}
        value={p.value}
        defaultChecked={p.checked}
        aria-describedby={describedBy || undefined}
      />
      <label className={`govuk-label govuk-${p.kind}__label`} htmlFor={p.id}>
        {p.label}
      </label>
      {p.hint && (
        <div id={`${p.id}-hint`} className={`govuk-hint govuk-${p.kind}__hint`}>
          {p.hint}
        </div>
      )}
    </div>
  );
}

type ChoiceGroupProps = {
  name: string;
  legend: ReactNode;
  /** Defaults to a small bold legend, the usual size for a question inside a longer form. */
  legendClassName?: string;
  /** For a fieldset that starts a section of the page: the legend is also its heading. */
  legendHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  small?: boolean;
};

/**
 * A fieldset of radios or checkboxes. The first item takes the bare name as its id, so the error
 * summary's "#name" link lands on a real control.
 */
function ChoiceGroup(p: ChoiceGroupProps & { kind: ChoiceKind; options: ChoiceOption[]; isChecked: (value: string) => boolean }) {
  const id = p.name;
  return (
    <div className={cx("govuk-form-group", p.error && "govuk-form-group--error")}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, p.hint, p.error)}>
        <legend className={cx("govuk-fieldset__legend", p.legendClassName ?? "govuk-fieldset__legend--s")}>
          {p.legendHeading ? <h2 className="govuk-fieldset__heading">{p.legend}</h2> : p.legend}
        </legend>
        <Hint id={id} hint={p.hint} />
        <ErrorMessage id={id} error={p.error} />
        <div className={cx(`govuk-${p.kind}`, p.small && `govuk-${p.kind}--small`)} data-module={`govuk-${p.kind}`}>
          {p.options.map((o, i) => (
            <ChoiceItem
              key={o.value}
              {...o}
              kind={p.kind}
              id={i === 0 ? id : `${id}-${o.value || "any"}`}
              name={p.name}
              checked={p.isChecked(o.value)}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function Radios(p: ChoiceGroupProps & { options: ChoiceOption[]; defaultValue?: string }) {
  return <ChoiceGroup {...p} kind="radios" isChecked={(value) => (p.defaultValue ?? "") === value} />;
}

export function Checkboxes(p: ChoiceGroupProps & { options: ChoiceOption[]; defaultValue?: readonly string[] }) {
  return <ChoiceGroup {...p} kind="checkboxes" isChecked={(value) => p.defaultValue?.includes(value) ?? false} />;
}

/** A bare checkbox item, for a caller that supplies its own group around several of them. */
export function Checkbox(p: { name: string; label: ReactNode; checked?: boolean; value?: string }) {
  return <ChoiceItem kind="checkboxes" id={p.name} name={p.name} label={p.label} value={p.value ?? "1"} checked={p.checked ?? false} />;
}

/** A checkbox that answers its own question, so its label is enough and it needs no fieldset. */
export function SingleCheckbox(p: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  checked?: boolean;
  value?: string;
  small?: boolean;
}) {
  return (
    <div className={cx("govuk-form-group", p.error && "govuk-form-group--error")}>
      <ErrorMessage id={p.name} error={p.error} />
      <div className={cx("govuk-checkboxes", p.small && "govuk-checkboxes--small")} data-module="govuk-checkboxes">
        <ChoiceItem
          kind="checkboxes"
          id={p.name}
          name={p.name}
          label={p.label}
          hint={p.hint}
          value={p.value ?? "1"}
          checked={p.checked ?? false}
          errorId={p.error && `${p.name}-error`}
        />
      </div>
    </div>
  );
}
