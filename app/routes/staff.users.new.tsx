// Create a staff account. Admins: any role, any hubs. Hub managers: hub staff at their own hubs.
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/auth/guards.server";
import { hashPassword } from "~/auth/sign-in.server";
import { BackLink } from "~/components/govuk/back-link";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { USER_FIELD_ORDER, UserFields, type UserFormValues } from "~/components/user-form";
import { assignableRoles } from "~/domain/permissions";
import { checkChoices, createUser, emailTaken, isUniqueViolation } from "~/models/user.server";
import { assignableVenues } from "~/models/venue.server";
import { getDb } from "~/utils/db.server";
import { issuesByField } from "~/utils/form-errors";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { NewUserSchema, userFormInput } from "~/utils/user-form";

export const handle = { i18n: ["staff", "admin"] };
export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "accounts");
  const { t: tr, title } = await translator(request, ["staff", "admin"]);
  const db = getDb();
  const roles = assignableRoles(user);
  const venues = assignableVenues(db, user);
  return json({
    title: title(tr("admin:users.newTitle")),
    roles,
    venues: venues.map((v) => ({ id: v.id, name: v.name })),
    // A manager with one hub gets it ticked already.
    initial: { role: roles.length === 1 ? roles[0] : "", hubs: venues.length === 1 && user.role !== "admin" ? [String(venues[0].id)] : [] },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, "accounts");
  const { t: tr, title } = await translator(request, ["staff", "admin"]);
  const db = getDb();
  const { input, values } = userFormInput(await request.formData());
  const fail = (keys: Record<string, string>, status = 400) =>
    json(
      {
        title: title(tr("admin:users.newTitle"), true),
        errors: Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, tr(`admin:${key}`)])),
        values,
      },
      { status },
    );

  const parsed = NewUserSchema.safeParse(input);
  if (!parsed.success) return fail(issuesByField(parsed.error.issues));
  const choice = checkChoices(db, user, parsed.data.role, parsed.data.hubs);
  if (choice.errors) return fail(choice.errors);
  if (emailTaken(db, parsed.data.email)) return fail({ email: "users.errors.emailTaken" });

  const passwordHash = await hashPassword(parsed.data.password);
  let id: number;
  try {
    id = createUser(db, user, {
      email: parsed.data.email,
      name: parsed.data.name,
      role: parsed.data.role,
      venueIds: choice.venueIds,
      passwordHash,
    });
  } catch (err) {
    // Two people creating the same account at once: the second is told, as above.
    if (isUniqueViolation(err)) return fail({ email: "users.errors.emailTaken" });
    throw err;
  }
  return redirect(`/staff/users/${id}?done=created`);
}

export default function NewStaffUser() {
  const { roles, venues, initial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values: UserFormValues = result?.values ?? initial;
  const errorList = USER_FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ href: `#${f}`, text: errors[f] }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/staff/users">{t("users.back")}</BackLink>
        <ErrorSummary errors={errorList} />
        <h1 className="govuk-heading-l">{t("users.newHeading")}</h1>
        <p className="govuk-body">{t("users.newIntro")}</p>
        <Form method="post" action="/staff/users/new" noValidate>
          <UserFields mode="new" roles={roles} venues={venues} values={values} errors={errors} />
          <button type="submit" className="govuk-button">
            {t("users.createSubmit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
