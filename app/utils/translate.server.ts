// One i18next instance per language, built on first use and reused by every request, message and
// job (issue 17: building instances per request was a sixth of a search's time). Safe to share:
// an instance's language never changes, and every namespace is in memory (i18next.server.ts).
import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import i18n, { NAMESPACES, OFFERED_LANGUAGES } from "~/i18n";
import { resources } from "~/i18next.server";

const instances = new Map<string, I18n>();

/** The shared instance for a language (English for any other code). */
export function i18nFor(lng: string): I18n {
  const language = (OFFERED_LANGUAGES as string[]).includes(lng) ? lng : "en";
  let instance = instances.get(language);
  if (!instance) {
    instance = createInstance();
    instance.init({ ...i18n, lng: language, ns: [...NAMESPACES], resources, initImmediate: false });
    instances.set(language, instance);
  }
  return instance;
}

export function translatorFor(lng: string): TFunction {
  return i18nFor(lng).t;
}
