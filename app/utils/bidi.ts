// Left-to-right runs (phone numbers, postcodes, references, emails, times, prices) inside text
// that may be right-to-left. In HTML use <Ltr> (app/components/ltr.tsx); this is for plain text:
// messages, text messages, the share text and printed lines.
import { RTL_LANGUAGES } from "~/i18n";

const LRI = "\u2066";
const PDI = "\u2069";

/**
 * Wraps `text` in a left-to-right isolate when it sits in a right-to-left language, so
 * "0121 496 0101" is not read as "0101 496 0121". Left-to-right languages need none, and a text
 * message keeps its characters.
 */
export function ltrIsolate(text: string, lng: string): string {
  if (!RTL_LANGUAGES.has(lng) || text === "" || text.startsWith(LRI)) return text;
  return `${LRI}${text}${PDI}`;
}

/** `text` without the isolates `ltrIsolate` adds, for comparing or for a tel: link. */
export function stripIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, "");
}
