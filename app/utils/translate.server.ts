// One i18next instance per language, built on first use and reused by every request, page render,
// message and job (issue 17: building instances per request was a sixth of a search's time). Safe
// to share: an instance's language never changes, and every namespace is in memory (i18next.server.ts).
import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import i18n, { NAMESPACES, OFFERED_LANGUAGES } from "~/i18n";
import { resources } from "~/i18next.server";

const instances = new Map<string, I18n>();
/** Each instance's own t, before rememberAnswers wraps it. */
const unremembered = new WeakMap<I18n, TFunction>();

/** The shared instance for a language (English for any other code). */
export function i18nFor(lng: string): I18n {
  const language = (OFFERED_LANGUAGES as string[]).includes(lng) ? lng : "en";
  let instance = instances.get(language);
  if (!instance) {
    instance = createInstance();
    instance.use(initReactI18next).init({ ...i18n, lng: language, ns: [...NAMESPACES], resources, initImmediate: false });
    rememberAnswers(instance);
    instances.set(language, instance);
  }
  return instance;
}

export function translatorFor(lng: string): TFunction {
  return i18nFor(lng).t;
}

/**
 * For texts that carry a family's own details (a message with their name and reference): i18next
 * without the kept answers. Each such answer is asked for once, so keeping it would only cost the
 * options' JSON, keep a family's name in memory, and push the pages' answers out sooner.
 */
export function onceTranslatorFor(lng: string): TFunction {
  const instance = i18nFor(lng);
  return unremembered.get(instance) ?? instance.t;
}

/** Enough for every page's strings in one language; past it the answers are forgotten and relearnt. */
const REMEMBERED = 20_000;

/**
 * i18next works each answer out afresh (key parsing, namespace and fallback lookup,
 * interpolation): a seventh of a search page's time, for a page that asks the same few hundred
 * questions every time. The resources never change after start-up, so an answer depends only on
 * the key and the options: it is kept, for calls whose options are plain values (a function or a
 * returned object would not be safe to share).
 */
function rememberAnswers(instance: I18n) {
  const translate = instance.t.bind(instance) as (key: unknown, options?: unknown) => unknown;
  unremembered.set(instance, translate as unknown as TFunction);
  const answers = new Map<string, unknown>();
  instance.t = ((key: unknown, options?: unknown) => {
    const id = answerId(key, options);
    if (id === null) return translate(key, options);
    let answer = answers.get(id);
    if (answer === undefined) {
      answer = translate(key, options);
      if (typeof answer !== "string") return answer;
      if (answers.size >= REMEMBERED) answers.clear();
      answers.set(id, answer);
    }
    return answer;
  }) as unknown as I18n["t"];
  rememberFixedAnswers(instance);
}

/** More kinds of fixed translator (language, namespaces, prefix) than any page asks for. */
const SCOPES = 1_000;

type Fixed = ((...args: unknown[]) => unknown) & { lng?: unknown; lngs?: unknown; ns?: unknown; keyPrefix?: unknown };

/**
 * The fixed translators pages and loaders use (react-i18next's useTranslation, `translator`):
 * i18next's fixedT builds an options object (language, namespaces, prefix) for every call, which
 * the kept answers above must then turn into JSON to look up: over a tenth of the booking form's
 * render (issue 17). Here a call is looked up by its own key and options (answerId), among the
 * answers kept for the same language, namespaces and prefix; a call answerId cannot name goes the
 * long way.
 */
function rememberFixedAnswers(instance: I18n) {
  const getFixedT = instance.getFixedT.bind(instance) as unknown as (lng: unknown, ns?: unknown, keyPrefix?: unknown) => Fixed;
  // One translator per scope, made once: useTranslation asks for one in every component rendered
  // (each card's date, age and places), and i18next's answer for a scope never changes.
  const scopes = new Map<string, Fixed>();
  instance.getFixedT = ((lng: unknown, ns?: unknown, keyPrefix?: unknown) => {
    const scope = answerId("fixed", { lng, ns, keyPrefix });
    if (scope === null) return getFixedT(lng, ns, keyPrefix);
    let translator = scopes.get(scope);
    if (!translator) {
      if (scopes.size >= SCOPES) scopes.clear();
      scopes.set(scope, (translator = rememberingTranslator(getFixedT(lng, ns, keyPrefix))));
    }
    return translator;
  }) as unknown as I18n["getFixedT"];
}

/** A fixed translator that keeps its answers, looked up by answerId. */
function rememberingTranslator(fixed: Fixed): Fixed {
  const answers = new Map<string, string>();
  const quick = function (this: unknown, key: unknown, ...rest: unknown[]) {
    if (rest.length > 1) return fixed.call(this, key, ...rest);
    const id = answerId(key, rest[0]);
    if (id === null) return fixed.call(this, key, ...rest);
    let answer = answers.get(id);
    if (answer === undefined) {
      const worked = fixed(key, ...rest);
      if (typeof worked !== "string") return worked;
      if (answers.size >= REMEMBERED) answers.clear();
      answers.set(id, (answer = worked));
    }
    return answer;
  };
  // What i18next puts on a fixed translator, for anyone who reads it.
  return Object.assign(quick, { lng: fixed.lng, lngs: fixed.lngs, ns: fixed.ns, keyPrefix: fixed.keyPrefix });
}

function plain(value: unknown): boolean {
  const type = typeof value;
  return (
    value === undefined ||
    value === null ||
    type === "string" ||
    type === "number" ||
    type === "boolean" ||
    (Array.isArray(value) && value.every((v) => typeof v === "string"))
  );
}

/** The call's key and options as one string, or null when an option is not a plain value. */
export function answerId(key: unknown, options?: unknown): string | null {
  // Most calls: a key alone, which is then its own id (a JSON id always starts with "[").
  if (options === undefined && typeof key === "string") return `k${key}`;
  if (!(typeof key === "string" || (Array.isArray(key) && key.every((k) => typeof k === "string")))) return null;
  if (options === undefined) return JSON.stringify([key]);
  if (typeof options !== "object" || options === null) return null;
  for (const name in options) {
    if (name === "returnObjects" || !plain((options as Record<string, unknown>)[name])) return null;
  }
  return JSON.stringify([key, options]);
}
