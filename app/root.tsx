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
import { LANGUAGE_NAMES, OFFERED_LANGUAGES, textDirection } from "~/i18n";
import i18next, { localeCookie } from "~/i18next.server";
import { useActionTitle } from "~/utils/action-title";
import { env } from "~/utils/env.server";
import { DATA_NOTICES } from "~/utils/data-notices";
import { EARLY_SCRIPT, stopRecordingEarlyClicks } from "~/utils/early-clicks";
import { Tag } from "~/components/govuk/tag";
import { isCrossSitePost, useNonce } from "~/utils/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/assets/app.css" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const handle = { i18n: ["common"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The server turned a form posted from another site into this request (see app/http-server.server.ts).
  if (isCrossSitePost(context)) throw new Response("Forbidden: cross-site request", { status: 403 });
  const locale = await i18next.getLocale(request);
  const t = await i18next.getFixedT(request, "common");
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

function LanguageList() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <nav className="app-language-list" aria-label={t("layout.languages")}>
      <ul className="govuk-list app-language-list__list">
        {OFFERED_LANGUAGES.map((lng) => {
          const params = new URLSearchParams(location.search);
          params.set("lng", lng);
          const current = i18n.language === lng;
          return (
            <li key={lng} className="app-language-list__item">
              {current ? (
                <span aria-current="true" lang={lng} dir={textDirection(lng)}>
                  {LANGUAGE_NAMES[lng]}
                </span>
              ) : (
                <a className="govuk-link" href={`${location.pathname}?${params}`} lang={lng} hrefLang={lng} dir={textDirection(lng)}>
                  {LANGUAGE_NAMES[lng]}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
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
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: EARLY_SCRIPT }} />
        <a href="#main-content" className="govuk-skip-link">
          {t("layout.skipLink")}
        </a>
        <header className="app-masthead">
          <div className="govuk-header app-header" data-module="govuk-header">
            <div className="govuk-header__container govuk-width-container">
              <div className="govuk-header__logo">
                <Link to="/" className="govuk-header__link govuk-header__service-name">
                  {t("layout.serviceName")}
                </Link>
              </div>
              <nav aria-label={t("layout.menu")} className="govuk-header__content app-header__nav">
                <ul className="govuk-header__navigation-list app-header__list">
                  <li className="govuk-header__navigation-item">
                    <Link className="govuk-header__link" to="/search">
                      {t("layout.nav.search")}
                    </Link>
                  </li>
                  <li className="govuk-header__navigation-item">
                    <Link className="govuk-header__link" to="/hubs">
                      {t("layout.nav.hubs")}
                    </Link>
                  </li>
                </ul>
              </nav>
            </div>
          </div>
          <div className="govuk-width-container">
            <div className="govuk-phase-banner app-sample-banner">
              <p className="govuk-phase-banner__content">
                <Tag className="govuk-phase-banner__content__tag">{t("layout.sampleTag")}</Tag>
                <span className="govuk-phase-banner__text">{t("layout.sampleText")}</span>
              </p>
            </div>
            <LanguageList />
          </div>
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
        <ScrollRestoration nonce={nonce} />
        <I18nBundles />
        <Scripts nonce={nonce} />
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
