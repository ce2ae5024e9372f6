import { RemixBrowser } from "@remix-run/react";
import i18next, { type Resource } from "i18next";
import HttpBackend from "i18next-http-backend";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import i18n from "~/i18n";

declare global {
  interface Window {
    __i18n?: Resource;
  }
}

async function hydrate() {
  await i18next
    .use(initReactI18next)
    .use(HttpBackend)
    .init({
      ...i18n,
      // The server is the source of truth: use the language it rendered in.
      lng: document.documentElement.lang,
      ns: getInitialNamespaces(),
      // The page carries the bundles it was rendered with; others are fetched on navigation.
      resources: window.__i18n,
      partialBundledLanguages: true,
      backend: { loadPath: "/locales/{{lng}}/{{ns}}" },
    });

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate();
