import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  json,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { ErrorPage, errorTitleKey } from "~/components/error-page";
import { PageAnnouncer } from "~/components/page-announcer";
import { type Language, LANGUAGE_NAMES, OFFERED_LANGUAGES, textDirection } from "~/i18n";
import { localeCookie } from "~/i18next.server";
import { useActionTitle } from "~/utils/action-title";
import { translator } from "~/utils/i18n.server";
import { env } from "~/utils/env.server";
import { DATA_NOTICES } from "~/utils/data-notices";
import { EARLY_SCRIPT, stopRecordingEarlyClicks } from "~/utils/early-clicks";
import { ERROR_SUMMARY_SCRIPT, HYDRATE_ON_DEMAND_SCRIPT, HYDRATE_TEMPLATE_ID, scriptsMode } from "~/utils/light-pages";
import { isCrossSitePost, useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/assets/app.css" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const handle = { i18n: ["common"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The server turned a form posted from another site into this request (see app/http-server.server.ts).
  if (isCrossSitePost(context)) throw new Response("Forbidden: cross-site request", { status: 403 });
  const { t, locale } = await translator(request);
  const config = env();
  const headers = new Headers();
  // Choosing a language from the list (?lng=) is remembered for the next visit.
  if (new URL(request.url).searchParams.has("lng")) {
    headers.append("Set-Cookie", await localeCookie.serialize(locale));
  }
  return json(
    {
      locale,
      description: t("layout.description"),
      map: { tileUrl: config.MAP_TILE_URL, attribution: config.MAP_TILE_ATTRIBUTION },
    },
    { headers },
  );
}

export type RootData = typeof loader;

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ name: "description", content: data.description }] : []);

/** The bundles this page was rendered with, so the browser does not fetch them again. */
function I18nBundles() {
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const matches = useMatches();
  const namespaces = new Set<string>();
  for (const m of matches) {
    const ns = (m.handle as { i18n?: string | string[] } | undefined)?.i18n;
    for (const n of ([] as string[]).concat(ns ?? [])) namespaces.add(n);
  }
  const bundles: Record<string, Record<string, unknown>> = { [i18n.language]: {} };
  for (const ns of namespaces) {
    const bundle = i18n.getResourceBundle(i18n.language, ns);
    if (bundle) bundles[i18n.language][ns] = bundle;
  }
  // "<" is escaped so no string in a translation can end the script element.
  const payload = JSON.stringify(bundles).replace(/</g, "\\u003c");
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: `window.__i18n=${payload}` }} />;
}

/**
 * One line: the current language, opening to the others. A <details>, so it works without
 * JavaScript; each language is named in itself, so a parent finds theirs whatever page they land on.
 */
function LanguageList() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const current = (OFFERED_LANGUAGES as string[]).includes(i18n.language) ? (i18n.language as Language) : "en";
  return (
    <details className="app-language-list">
      <summary className="app-language-list__summary">
        <span className="govuk-visually-hidden">{t("layout.languages")}: </span>
        <span lang={current} dir={textDirection(current)}>
          {LANGUAGE_NAMES[current]}
        </span>
      </summary>
      <nav aria-label={t("layout.languages")}>
        <ul className="govuk-list app-language-list__list">
          {OFFERED_LANGUAGES.filter((lng) => lng !== current).map((lng) => {
            const params = new URLSearchParams(location.search);
            params.set("lng", lng);
            return (
              <li key={lng} className="app-language-list__item">
                <a className="govuk-link" href={`${location.pathname}?${params}`} lang={lng} hrefLang={lng} dir={textDirection(lng)}>
                  {LANGUAGE_NAMES[lng]}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </details>
  );
}

/** The framework's scripts, as many as the page asked for (utils/light-pages). */
function PageScripts() {
  const nonce = useNonce();
  const mode = scriptsMode(useMatches());
  // Until React runs (or where it never does), a few lines keep the error summary's behaviour.
  const errorSummary = <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: ERROR_SUMMARY_SCRIPT }} />;
  if (mode === "none") return errorSummary;
  const scripts = (
    <>
      <ScrollRestoration nonce={nonce} />
      <I18nBundles />
      <Scripts nonce={nonce} />
    </>
  );
  if (mode === "all") return scripts;
  // Inert until a [data-hydrate] control is tapped. In the browser the template is already in the
  // page (its content is not among its children), so hydration renders it empty.
  return (
    <>
      <template id={HYDRATE_TEMPLATE_ID} suppressHydrationWarning>
        {typeof document === "undefined" ? scripts : null}
      </template>
      <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: HYDRATE_ON_DEMAND_SCRIPT }} />
      {errorSummary}
    </>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const { t, i18n } = useTranslation();
  const locale = data?.locale ?? i18n.language ?? "en";
  const actionTitle = useActionTitle();
  const nonce = useNonce();
  // An error page's title comes from here, not from meta: when the root loader itself refused (a
  // cross-site post), meta has no data to build it from.
  const error = useRouteError();
  // A page with no framework JavaScript has no JavaScript-only controls to draw early.
  const light = scriptsMode(useMatches()) === "none";
  return (
    <html lang={locale} dir={textDirection(locale)} className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <meta name="referrer" content="same-origin" />
        {actionTitle ? (
          <title>{actionTitle}</title>
        ) : error ? (
          <title>{`${t(errorTitleKey(error))} – ${t("layout.serviceName")}`}</title>
        ) : (
          <Meta />
        )}
        <Links />
      </head>
      <body className="govuk-template__body" suppressHydrationWarning>
        {/* Before first paint, so JavaScript-only controls (.app-js-only) take their place at once
            instead of pushing the page down after hydration, and stay hidden without JavaScript.
            It also records taps on them that land before hydration (utils/early-clicks). */}
        {!light && <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: EARLY_SCRIPT }} />}
        <a href="#main-content" className="govuk-skip-link">
          {t("layout.skipLink")}
        </a>
        <header className="app-masthead">
          <div className="govuk-width-container app-masthead__bar">
            <Link to="/" className="app-masthead__name">
              {t("layout.serviceName")}
            </Link>
            <LanguageList />
          </div>
          <p className="app-sample-line">
            <span className="govuk-width-container app-sample-line__text">
              <strong>{t("layout.sampleTag")}</strong> {t("layout.sampleShort")}
            </span>
          </p>
        </header>
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
            {children}
          </main>
        </div>
        <footer className="govuk-footer">
          <div className="govuk-width-container">
            <div className="govuk-footer__meta">
              <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
                <h2 className="govuk-visually-hidden">{t("layout.footerLinks")}</h2>
                <ul className="govuk-footer__inline-list">
                  <li className="govuk-footer__inline-list-item">
                    <Link className="govuk-footer__link" to="/hubs">
                      {t("layout.nav.hubs")}
                    </Link>
                  </li>
                  <li className="govuk-footer__inline-list-item">
                    <Link className="govuk-footer__link" to="/about-the-data">
                      {t("layout.footer.aboutData")}
                    </Link>
                  </li>
                  <li className="govuk-footer__inline-list-item">
                    <Link className="govuk-footer__link" to="/accessibility">
                      {t("layout.footer.accessibility")}
                    </Link>
                  </li>
                  <li className="govuk-footer__inline-list-item">
                    <Link className="govuk-footer__link" to="/privacy">
                      {t("layout.footer.privacy")}
                    </Link>
                  </li>
                </ul>
                <p className="govuk-body-s govuk-!-margin-bottom-1">{t("layout.footer.noticesIntro")}</p>
                <ul className="govuk-list govuk-body-s app-notices" lang="en" dir="ltr">
                  {DATA_NOTICES.map((notice) => (
                    <li key={notice}>{notice}</li>
                  ))}
                </ul>
              </div>
            </div>
          </div>
        </footer>
        <PageAnnouncer />
        <PageScripts />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<RootData>("root");
  useChangeLanguage(data?.locale ?? "en");
  // Parents' effects run after their children's, so every control has taken its early taps.
  useEffect(() => stopRecordingEarlyClicks(), []);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
