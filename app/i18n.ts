// Shared i18next settings for server and browser.
export const LANGUAGES = ["en", "ur", "pl", "ro", "ar", "bn"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Languages whose translations are complete enough to offer in the language list. */
export const OFFERED_LANGUAGES: Language[] = ["en", "ur", "pl", "ro", "ar", "bn"];

/** Every namespace is complete in every offered language (tests/unit/locales.test.ts). */
export const PUBLIC_NAMESPACES = ["common", "search", "venue", "pages", "booking", "messages", "share", "feedback"] as const;
/** Staff screens; a family never downloads these. */
export const STAFF_NAMESPACES = [
  "staff",
  "timetable",
  "register",
  "admin",
  "outreach",
  "connections",
  "feeds",
  "reports",
  "feedback-staff",
] as const;
export const NAMESPACES = [...PUBLIC_NAMESPACES, ...STAFF_NAMESPACES] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** Each language named in itself, for the language list. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  ur: "اردو",
  pl: "Polski",
  ro: "Română",
  ar: "العربية",
  bn: "বাংলা",
};

/**
 * The language staff write titles and descriptions in. Marked on that text (WCAG 3.1.2) so a
 * screen reader reading an Urdu page says "Baby & Me" in English rather than in an Urdu voice.
 */
export const CONTENT_LANGUAGE = "en";

/**
 * Spread on every element holding staff text: `lang` for the voice, and `dir` so an English title on
 * an Urdu page keeps its full stop at its end (WCAG 1.3.2).
 */
export const CONTENT_ATTRIBUTES = { lang: CONTENT_LANGUAGE, dir: "ltr" } as const;

export const RTL_LANGUAGES: ReadonlySet<string> = new Set(["ur", "ar"]);

export function textDirection(lng: string): "rtl" | "ltr" {
  return RTL_LANGUAGES.has(lng) ? "rtl" : "ltr";
}

export default {
  supportedLngs: [...OFFERED_LANGUAGES] as string[],
  fallbackLng: "en",
  defaultNS: "common",
  // Missing keys in a language fall back to English rather than showing a raw key.
  returnNull: false,
  interpolation: { escapeValue: false },
};
