// The staff area's frame. Every child route checks sign-in, role and hub itself.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { currentStaff } from "~/auth/sign-in.server";
import { may } from "~/domain/permissions";

export const handle = { i18n: ["staff", "feedback-staff"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await currentStaff(request);
  return json(
    { user: user && { name: user.name, role: user.role, feedback: may(user, "feedback") } },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function StaffLayout() {
  const { user } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      {user && (
        <nav className="app-staff-nav" aria-label={t("layout.nav")}>
          <p className="govuk-body-s">
            <strong>{t("layout.area")}</strong> · {t("layout.signedInAs", { name: user.name })} ({t(`roles.${user.role}`)})
          </p>
          <ul className="govuk-list app-staff-nav__list">
            <li>
              <Link className="govuk-link" to="/staff">
                {t("layout.home")}
              </Link>
            </li>
            {user.feedback && (
              <li>
                <Link className="govuk-link" to="/staff/feedback">
                  {t("feedback-staff:nav")}
                </Link>
              </li>
            )}
            <li>
              <Link className="govuk-link" to="/staff/reports">
                {t("layout.reports")}
              </Link>
            </li>
            <li>
              <Form method="post" action="/staff/sign-out">
                <button type="submit" className="app-link-button govuk-link">
                  {t("layout.signOut")}
                </button>
              </Form>
            </li>
          </ul>
        </nav>
      )}
      <Outlet />
    </>
  );
}
