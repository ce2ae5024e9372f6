import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { assertSameOrigin } from "~/auth/guards.server";
import { currentStaff, signIn } from "~/auth/sign-in.server";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { TextInput } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/success-banner";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["staff"] };
export const meta = titleMeta;

// Only paths inside the staff area: never an open redirect to another site.
const NextSchema = z
  .string()
  .regex(/^\/staff(\/[A-Za-z0-9/_.?=&%-]*)?$/)
  .catch("/staff");

const SignInSchema = z.object({
  email: z.string().trim().min(1, "signIn.emailRequired").max(254, "signIn.invalid"),
  password: z.string().min(1, "signIn.passwordRequired").max(1000, "signIn.invalid"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const next = NextSchema.parse(url.searchParams.get("next") ?? "/staff");
  if (await currentStaff(request)) throw redirect(next);
  const { t, title } = await translator(request, "staff");
  return json({ title: title(t("staff:signIn.title")), signedOut: url.searchParams.get("signedOut") === "1" });
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { t, title } = await translator(request, "staff");
  const form = Object.fromEntries(await request.formData());
  const next = NextSchema.parse(new URL(request.url).searchParams.get("next") ?? "/staff");
  const fail = (errors: Record<string, string>, status = 400) =>
    json({ title: title(t("staff:signIn.title"), true), errors, email: String(form.email ?? "") }, { status });
  const parsed = SignInSchema.safeParse(form);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= t(`staff:${issue.message}`);
    return fail(errors);
  }
  const result = await signIn(request, parsed.data.email, parsed.data.password, context);
  if (!result.ok) return fail({ email: t(`staff:signIn.${result.reason}`) }, result.reason === "limited" ? 429 : 401);
  return redirect(next, { headers: { "Set-Cookie": result.cookie } });
}

export default function SignIn() {
  const { signedOut } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("staff");
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const list = ["email", "password"].filter((f) => errors[f]).map((f) => ({ href: `#${f}`, text: errors[f] }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-half">
        <ErrorSummary errors={list} />
        {signedOut && !result && <SuccessBanner heading={t("signIn.signedOut")} />}
        <h1 className="govuk-heading-l">{t("signIn.heading")}</h1>
        <Form method="post" noValidate>
          <TextInput
            id="email"
            name="email"
            label={t("signIn.email")}
            error={errors.email}
            defaultValue={result?.email}
            autoComplete="username"
            spellCheck={false}
            inputMode="email"
          />
          <TextInput
            id="password"
            name="password"
            type="password"
            label={t("signIn.password")}
            error={errors.password}
            autoComplete="current-password"
            className="govuk-!-width-two-thirds"
          />
          <button type="submit" className="govuk-button">
            {t("signIn.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
