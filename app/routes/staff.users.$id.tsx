// Edit a staff account: name, role, hubs and active; a new password; sign them out everywhere.
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireStaff } from "~/auth/guards.server";
import { hashPassword } from "~/auth/sign-in.server";
import { BackLink } from "~/components/govuk/back-link";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { SuccessBanner } from "~/components/govuk/success-banner";
import { Tag } from "~/components/govuk/tag";
import { PasswordInput, USER_FIELD_ORDER, UserFields, type UserFormValues } from "~/components/user-form";
import { assignableRoles, canManage, type StaffUser } from "~/domain/permissions";
import { checkChoices, countSignIns, endSignIns, getManagedUser, type ManagedUser, resetPassword, updateUser } from "~/models/user.server";
import { assignableVenues } from "~/models/venue.server";
import { getDb } from "~/utils/db.server";
import { issuesByField } from "~/utils/form-errors";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { IdParamsSchema } from "~/utils/params.server";
import { EditUserSchema, PasswordSchema, userFormInput } from "~/utils/user-form";

export const handle = { i18n: ["staff", "admin"] };
export const meta = titleMeta;

const DONE = ["created", "saved", "password", "signed-out"] as const;
const QuerySchema = z.object({ done: z.enum(DONE).optional().catch(undefined) });
const IntentSchema = z.enum(["details", "password", "sign-out"], { message: "users.errors.intent" });

const forbidden = () => new Response("Forbidden", { status: 403 });

/** The account, if this person may manage it: 404 for no such account, 403 for someone else's. */
function target(actor: StaffUser, params: unknown): ManagedUser {
  const parsed = IdParamsSchema.safeParse(params);
  const found = parsed.success ? getManagedUser(getDb(), parsed.data.id) : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  if (!canManage(actor, found)) throw forbidden();
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "accounts");
  const account = target(user, params);
  const { t: tr, title } = await translator(request, ["staff", "admin"]);
  const db = getDb();
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({
    title: title(tr("admin:users.editTitle", { name: account.name })),
    account: {
      id: account.id,
      name: account.name,
      email: account.email,
      role: account.role,
      active: account.active,
      hubs: account.venueIds.map(String),
    },
    roles: assignableRoles(user),
    venues: assignableVenues(db, user).map((v) => ({ id: v.id, name: v.name })),
    sessions: countSignIns(db, account.id),
    isSelf: account.id === user.id,
    done: query.done ?? null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, "accounts");
  const account = target(user, params);
  const { t: tr, title } = await translator(request, ["staff", "admin"]);
  const db = getDb();
  const form = await request.formData();
  const { input, values } = userFormInput(form);
  const intent = IntentSchema.safeParse(form.get("intent"));
  const fail = (keys: Record<string, string>, status = 400) =>
    json(
      {
        title: title(tr("admin:users.editTitle", { name: account.name }), true),
        intent: intent.success ? intent.data : "details",
        errors: Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, tr(`admin:${key}`)])),
        values,
      },
      { status },
    );
  if (!intent.success) return fail({ form: "users.errors.intent" });

  switch (intent.data) {
    case "details": {
      const parsed = EditUserSchema.safeParse(input);
      if (!parsed.success) return fail(issuesByField(parsed.error.issues));
      const { name, role, active } = parsed.data;
      const choice = checkChoices(db, user, role, parsed.data.hubs);
      if (choice.errors) return fail(choice.errors);
      // Nobody locks themselves out: an admin keeps their own role and stays active.
      if (account.id === user.id && role !== account.role) return fail({ role: "users.errors.ownRole" });
      if (account.id === user.id && !active) return fail({ active: "users.errors.ownActive" });
      if (!updateUser(db, user, account.id, { name, role, active, venueIds: choice.venueIds })) throw forbidden();
      return redirect(`/staff/users/${account.id}?done=saved`);
    }
    case "password": {
      const parsed = PasswordSchema.safeParse(input.password ?? "");
      if (!parsed.success) return fail({ password: parsed.error.issues[0]?.message ?? "users.errors.passwordShort" });
      if (!resetPassword(db, user, account.id, await hashPassword(parsed.data))) throw forbidden();
      return redirect(`/staff/users/${account.id}?done=password`);
    }
    case "sign-out": {
      if (endSignIns(db, user, account.id) === null) throw forbidden();
      return redirect(`/staff/users/${account.id}?done=signed-out`);
    }
  }
}

export default function EditStaffUser() {
  const { account, roles, venues, sessions, isSelf, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values: UserFormValues =
    result && result.intent === "details"
      ? result.values
      : { name: account.name, role: account.role, hubs: account.hubs, active: account.active ? "1" : "" };
  const errorList = USER_FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ href: `#${f === "form" ? "details" : f}`, text: errors[f] }));

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/staff/users">{t("users.back")}</BackLink>
        <ErrorSummary errors={errorList} />
        {done && !result && <SuccessBanner title={t("users.doneTitle")} heading={t(`users.done.${done}`)} />}
        <span className="govuk-caption-l">{account.email}</span>
        <h1 className="govuk-heading-l">{account.name}</h1>
        {!account.active && (
          <p className="govuk-body">
            <Tag colour="grey">{t("users.statusInactive")}</Tag>
          </p>
        )}

        <h2 className="govuk-heading-m" id="details">
          {t("users.detailsHeading")}
        </h2>
        <Form method="post" action={`/staff/users/${account.id}`} noValidate aria-labelledby="details">
          <input type="hidden" name="intent" value="details" />
          <UserFields mode="edit" roles={roles} venues={venues} values={values} errors={result?.intent === "details" ? errors : {}} />
          {isSelf && <p className="govuk-body">{t("users.selfNote")}</p>}
          <button type="submit" className="govuk-button">
            {t("users.save")}
          </button>
        </Form>

        <h2 className="govuk-heading-m" id="password-heading">
          {t("users.passwordHeading")}
        </h2>
        <p className="govuk-body">{t("users.passwordIntro")}</p>
        <Form method="post" action={`/staff/users/${account.id}`} noValidate aria-labelledby="password-heading">
          <input type="hidden" name="intent" value="password" />
          <PasswordInput id="password" label={t("users.newPassword")} error={result?.intent === "password" ? errors.password : undefined} />
          <button type="submit" className="govuk-button govuk-button--secondary">
            {t("users.setPassword")}
          </button>
        </Form>

        <h2 className="govuk-heading-m" id="sessions-heading">
          {t("users.sessionsHeading")}
        </h2>
        <p className="govuk-body">{t("users.sessions", { count: sessions })}</p>
        <Form method="post" action={`/staff/users/${account.id}`} aria-labelledby="sessions-heading">
          <input type="hidden" name="intent" value="sign-out" />
          <button type="submit" className="govuk-button govuk-button--warning">
            {t("users.signOutEverywhere")}
            <span className="govuk-visually-hidden"> {t("users.signOutContext", { name: account.name })}</span>
          </button>
        </Form>
      </div>
    </div>
  );
}
