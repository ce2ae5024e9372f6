// Server-side i18n: every locale file is read once at start-up and kept in memory.
import fs from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import type { Resource } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import i18n, { NAMESPACES, OFFERED_LANGUAGES } from "~/i18n";

export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

const LOCALES_DIR = path.resolve(process.cwd(), "locales");

function readResources(): Resource {
  const resources: Resource = {};
  for (const lng of OFFERED_LANGUAGES) {
    resources[lng] = {};
    for (const ns of NAMESPACES) {
      const file = path.join(LOCALES_DIR, lng, `${ns}.json`);
      resources[lng][ns] = JSON.parse(fs.readFileSync(file, "utf8"));
    }
  }
  return resources;
}

export const resources = readResources();

const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...OFFERED_LANGUAGES],
    fallbackLanguage: i18n.fallbackLng,
    cookie: localeCookie,
    searchParamKey: "lng",
    order: ["searchParams", "cookie", "header"],
  },
  i18next: { ...i18n, resources },
});

export default i18next;

const locales = new WeakMap<Request, Promise<string>>();

/**
 * The request's language, worked out once per request: its loaders, action and page render each
 * asked remix-i18next again (URL, cookie and Accept-Language parsed each time, three or four times
 * a page: issue 17). A request's URL and headers never change, so neither does its answer.
 */
export function localeOf(request: Request): Promise<string> {
  let locale = locales.get(request);
  if (!locale) locales.set(request, (locale = i18next.getLocale(request)));
  return locale;
}
