// Translation outside a request (messages, jobs): one i18next instance per language, reused.
import { createInstance, type TFunction } from "i18next";
import i18n, { OFFERED_LANGUAGES } from "~/i18n";
import { resources } from "~/i18next.server";

const instances = new Map<string, TFunction>();

export function translatorFor(lng: string): TFunction {
  const language = (OFFERED_LANGUAGES as string[]).includes(lng) ? lng : "en";
  let t = instances.get(language);
  if (!t) {
    const instance = createInstance();
    instance.init({ ...i18n, lng: language, resources, initImmediate: false });
    t = instance.t;
    instances.set(language, t);
  }
  return t;
}
