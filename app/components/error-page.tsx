// The one error page: the root ErrorBoundary renders it for anything a loader or action throws.
// Thrown Responses keep their status (Remix answers with it); the text depends on that status.
import { Form, isRouteErrorResponse, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type ErrorKind = "forbidden" | "notFound" | "conflict" | "tooMany" | "server";

/** Which page a thrown value gets: 403, 404, 409 and 429 have their own; anything else is a 500. */
export function errorKind(error: unknown): ErrorKind {
  if (!isRouteErrorResponse(error)) return "server";
  switch (error.status) {
    case 403:
      return "forbidden";
    case 404:
      return "notFound";
    case 409:
      return "conflict";
    case 429:
      return "tooMany";
    default:
      return "server";
  }
}

const TITLE_KEYS: Record<ErrorKind, string> = {
  forbidden: "errors.forbiddenTitle",
  notFound: "errors.notFoundTitle",
  conflict: "errors.conflictTitle",
  tooMany: "errors.tooManyTitle",
  server: "errors.serverTitle",
};

/** The translation key (namespace common) of an error page's heading, which is also its title. */
export function errorTitleKey(error: unknown): string {
  return TITLE_KEYS[errorKind(error)];
}

/** The Origin check (assertSameOrigin) says "cross-site" in the body of its 403. */
function isCrossSite(error: unknown) {
  return isRouteErrorResponse(error) && typeof error.data === "string" && /cross-site/i.test(error.data);
}

export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation("common");
  const location = useLocation();
  const kind = errorKind(error);
  const staffArea = /^\/staff(\/|$)/.test(location.pathname);
  const crossSite = kind === "forbidden" && isCrossSite(error);

  const title = t(errorTitleKey(error));
  let paragraphs: string[];
  switch (kind) {
    case "forbidden":
      paragraphs = crossSite
        ? [t("errors.crossSiteBody"), t("errors.crossSiteRetry")]
        : [t("errors.forbiddenBody"), ...(staffArea ? [t("errors.forbiddenAsk")] : [])];
      break;
    case "notFound":
      paragraphs = [t("errors.notFoundBody")];
      break;
    case "conflict":
      paragraphs = [t("errors.conflictBody")];
      break;
    case "tooMany":
      paragraphs = [t("errors.tooManyBody")];
      break;
    default:
      paragraphs = [t("errors.serverBody")];
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        {paragraphs.map((p) => (
          <p className="govuk-body" key={p}>
            {p}
          </p>
        ))}
        <ul className="govuk-list">
          {kind === "conflict" && (
            <li>
              {/* A plain link: a fresh GET of this address, even after a failed form post. */}
              <a className="govuk-link" href={location.pathname + location.search}>
                {t("errors.reload")}
              </a>
            </li>
          )}
          <li>
            {staffArea ? (
              <Link className="govuk-link" to="/staff">
                {t("errors.goStaffHome")}
              </Link>
            ) : (
              <Link className="govuk-link" to="/">
                {t("errors.goHome")}
              </Link>
            )}
          </li>
          {kind === "forbidden" && staffArea && !crossSite && (
            <li>
              {/* Signing out first: the sign-in page sends anyone still signed in straight back. */}
              <Form method="post" action="/staff/sign-out">
                <button type="submit" className="app-link-button govuk-link">
                  {t("errors.signInAsSomeoneElse")}
                </button>
              </Form>
            </li>
          )}
        </ul>
      </div>
    </div>
  );
}
