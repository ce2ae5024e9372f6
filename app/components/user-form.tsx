// The fields of a staff account (name, email, role, hubs, active, password), shared by the create
// and edit pages. GOV.UK markup; works without JavaScript.
import { useTranslation } from "react-i18next";
import { Checkboxes, Radios, TextInput } from "~/components/govuk/fields";

export type UserFormValues = {
  name?: string;
  email?: string;
  role?: string;
  hubs?: string[];
  active?: string;
};

/** Setting a password, on the create page and on the edit page: the same policy hint and autocomplete. */
export function PasswordInput({ id, label, error }: { id: string; label: string; error?: string }) {
  const { t } = useTranslation("admin");
  return (
    <TextInput
      id={id}
      name={id}
      type="password"
      label={label}
      hint={t("users.passwordHint")}
      error={error}
      autoComplete="new-password"
      spellCheck={false}
      className="govuk-!-width-two-thirds"
    />
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
  return (
    <>
      <TextInput
        id="name"
        name="name"
        label={t("users.name")}
        error={errors.name}
        defaultValue={values.name}
        autoComplete="off"
        spellCheck={false}
        className="govuk-!-width-two-thirds"
      />

      {p.mode === "new" && (
        <TextInput
          id="email"
          name="email"
          type="email"
          label={t("users.email")}
          hint={t("users.emailHint")}
          error={errors.email}
          defaultValue={values.email}
          autoComplete="off"
          spellCheck={false}
          className="govuk-!-width-two-thirds"
        />
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
        <Radios
          name="role"
          legend={t("users.role")}
          error={errors.role}
          options={p.roles.map((role) => ({ value: role, label: t(`staff:roles.${role}`), hint: t(`roleHints.${role}`) }))}
          defaultValue={values.role}
        />
      )}

      <Checkboxes
        name="hubs"
        legend={t("users.hubs")}
        hint={p.roles.includes("admin") ? t("users.hubsHint") : t("users.hubsHintOwn")}
        error={errors.hubs}
        small
        options={p.venues.map((v) => ({ value: String(v.id), label: v.name }))}
        defaultValue={values.hubs}
      />

      {p.mode === "edit" && (
        <Checkboxes
          name="active"
          legend={t("users.status")}
          hint={t("users.activeHint")}
          error={errors.active}
          small
          options={[{ value: "1", label: t("users.active") }]}
          defaultValue={values.active ? [values.active] : []}
        />
      )}

      {p.mode === "new" && <PasswordInput id="password" label={t("users.password")} error={errors.password} />}
    </>
  );
}

/** The error summary's order, matching the fields on the page. */
export const USER_FIELD_ORDER = ["form", "name", "email", "role", "hubs", "active", "password"] as const;
