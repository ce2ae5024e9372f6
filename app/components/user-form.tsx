// The fields of a staff account (name, email, role, hubs, active, password), shared by the create
// and edit pages. GOV.UK markup; works without JavaScript.
import { useTranslation } from "react-i18next";

export type UserFormValues = {
  name?: string;
  email?: string;
  role?: string;
  hubs?: string[];
  active?: string;
};

function cx(...names: (string | false | undefined)[]) {
  return names.filter(Boolean).join(" ");
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation("admin");
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("common:errors.prefix")}</span> {error}
    </p>
  );
}

export function PasswordInput({ id, label, error }: { id: string; label: string; error?: string }) {
  const { t } = useTranslation("admin");
  const describedBy = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className={cx("govuk-form-group", !!error && "govuk-form-group--error")}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <div id={`${id}-hint`} className="govuk-hint">
        {t("users.passwordHint")}
      </div>
      <FieldError id={id} error={error} />
      <input
        className={cx("govuk-input govuk-!-width-two-thirds", !!error && "govuk-input--error")}
        id={id}
        name={id}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function UserFields(p: {
  mode: "new" | "edit";
  roles: string[];
  venues: { id: number; name: string }[];
  values: UserFormValues;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation("admin");
  const { values, errors } = p;
  const chosenHubs = new Set(values.hubs ?? []);
  return (
    <>
      <div className={cx("govuk-form-group", !!errors.name && "govuk-form-group--error")}>
        <label className="govuk-label" htmlFor="name">
          {t("users.name")}
        </label>
        <FieldError id="name" error={errors.name} />
        <input
          className={cx("govuk-input govuk-!-width-two-thirds", !!errors.name && "govuk-input--error")}
          id="name"
          name="name"
          type="text"
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.name}
          aria-describedby={errors.name ? "name-error" : undefined}
        />
      </div>

      {p.mode === "new" && (
        <div className={cx("govuk-form-group", !!errors.email && "govuk-form-group--error")}>
          <label className="govuk-label" htmlFor="email">
            {t("users.email")}
          </label>
          <div id="email-hint" className="govuk-hint">
            {t("users.emailHint")}
          </div>
          <FieldError id="email" error={errors.email} />
          <input
            className={cx("govuk-input govuk-!-width-two-thirds", !!errors.email && "govuk-input--error")}
            id="email"
            name="email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            defaultValue={values.email}
            aria-describedby={["email-hint", errors.email && "email-error"].filter(Boolean).join(" ")}
          />
        </div>
      )}

      {p.roles.length === 1 && !errors.role ? (
        <div className="govuk-form-group">
          <input type="hidden" name="role" value={p.roles[0]} />
          <h2 className="govuk-label govuk-label--s">{t("users.role")}</h2>
          <p className="govuk-body">
            {t(`staff:roles.${p.roles[0]}`)}. {t(`roleHints.${p.roles[0]}`)}
          </p>
        </div>
      ) : (
        <div className={cx("govuk-form-group", !!errors.role && "govuk-form-group--error")}>
          <fieldset className="govuk-fieldset" aria-describedby={errors.role ? "role-error" : undefined}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("users.role")}</legend>
            <FieldError id="role" error={errors.role} />
            <div className="govuk-radios" data-module="govuk-radios">
              {p.roles.map((role, i) => {
                const id = i === 0 ? "role" : `role-${role}`;
                return (
                  <div className="govuk-radios__item" key={role}>
                    <input
                      className="govuk-radios__input"
                      id={id}
                      name="role"
                      type="radio"
                      value={role}
                      defaultChecked={values.role === role}
                      aria-describedby={`${id}-hint`}
                    />
                    <label className="govuk-label govuk-radios__label" htmlFor={id}>
                      {t(`staff:roles.${role}`)}
                    </label>
                    <div id={`${id}-hint`} className="govuk-hint govuk-radios__hint">
                      {t(`roleHints.${role}`)}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
      )}

      <div className={cx("govuk-form-group", !!errors.hubs && "govuk-form-group--error")}>
        <fieldset className="govuk-fieldset" aria-describedby={["hubs-hint", errors.hubs && "hubs-error"].filter(Boolean).join(" ")}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("users.hubs")}</legend>
          <div id="hubs-hint" className="govuk-hint">
            {p.roles.includes("admin") ? t("users.hubsHint") : t("users.hubsHintOwn")}
          </div>
          <FieldError id="hubs" error={errors.hubs} />
          <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            {p.venues.map((v, i) => {
              const id = i === 0 ? "hubs" : `hubs-${v.id}`;
              return (
                <div className="govuk-checkboxes__item" key={v.id}>
                  <input
                    className="govuk-checkboxes__input"
                    id={id}
                    name="hubs"
                    type="checkbox"
                    value={String(v.id)}
                    defaultChecked={chosenHubs.has(String(v.id))}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                    {v.name}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>

      {p.mode === "edit" && (
        <div className={cx("govuk-form-group", !!errors.active && "govuk-form-group--error")}>
          <fieldset className="govuk-fieldset" aria-describedby={["active-hint", errors.active && "active-error"].filter(Boolean).join(" ")}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t("users.status")}</legend>
            <div id="active-hint" className="govuk-hint">
              {t("users.activeHint")}
            </div>
            <FieldError id="active" error={errors.active} />
            <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              <div className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id="active"
                  name="active"
                  type="checkbox"
                  value="1"
                  defaultChecked={values.active === "1"}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor="active">
                  {t("users.active")}
                </label>
              </div>
            </div>
          </fieldset>
        </div>
      )}

      {p.mode === "new" && <PasswordInput id="password" label={t("users.password")} error={errors.password} />}
    </>
  );
}

/** The error summary's order, matching the fields on the page. */
export const USER_FIELD_ORDER = ["form", "name", "email", "role", "hubs", "active", "password"] as const;
