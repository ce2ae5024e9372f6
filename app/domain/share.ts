// Text messages for sharing a session, hub or search. Pure: the caller passes the template and
// values already in the family's language; this file only measures and fits them.
//
// An SMS is sent in GSM-7 (160 characters in one message, 153 per part when split) unless any
// character is outside that alphabet; then the whole text goes as UCS-2 (70 in one message, 67 per
// part). Urdu, Arabic and Bengali are always UCS-2. One stray "–" or "…" would turn an English text
// into UCS-2 too, so typographic characters that have a plain equivalent are swapped for it when
// that keeps the text in GSM-7.

// GSM 03.38 basic alphabet (one septet each) and extension table (two septets: escape + char).
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENDED = new Set("^{}\\[~]|€\f");

export type SmsEncoding = "gsm7" | "ucs2";

/** Plain equivalents for typographic characters (what SMS gateways such as GOV.UK Notify send). */
const PLAIN: Record<string, string> = {
  "\u2013": "-", // – en dash
  "\u2014": "-", // — em dash
  "\u2012": "-",
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-",
  "\u2026": "...", // …
  "\u2018": "'",
  "\u2019": "'",
  "\u201A": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u201E": '"',
  "\u00A0": " ",
  "\u2066": "", // left-to-right isolate around Latin times (format.ts)
  "\u2069": "", // pop directional isolate
  "\u2009": " ", // thin space (Intl date ranges)
  "\u202F": " ", // narrow no-break space (Intl times)
  "\u2007": " ",
  "\u200B": "",
};

/** The characters PLAIN swaps, as one regular expression (each is one UTF-16 unit). */
const PLAIN_CHARS = new RegExp(`[${Object.keys(PLAIN).join("")}]`, "g");

export const ELLIPSIS = "…";

/** Any character outside both GSM tables, as one regular expression: a message is checked as it is queued. */
const NOT_GSM = new RegExp(
  `[^${[...GSM_BASIC, ...GSM_EXTENDED].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")}]`,
  "u",
);

export function smsEncoding(text: string): SmsEncoding {
  return NOT_GSM.test(text) ? "ucs2" : "gsm7";
}

/** Length as the network counts it: septets in GSM-7 (extension characters take two), UTF-16 units in UCS-2. */
export function smsLength(text: string): number {
  if (smsEncoding(text) === "ucs2") return text.length;
  let n = 0;
  for (const ch of text) n += GSM_EXTENDED.has(ch) ? 2 : 1;
  return n;
}

export const SINGLE_LIMIT: Record<SmsEncoding, number> = { gsm7: 160, ucs2: 70 };
export const PART_LIMIT: Record<SmsEncoding, number> = { gsm7: 153, ucs2: 67 };

/** How many messages the text is sent as (0 for an empty text). */
export function segments(text: string): number {
  const length = smsLength(text);
  if (length === 0) return 0;
  const encoding = smsEncoding(text);
  return length <= SINGLE_LIMIT[encoding] ? 1 : Math.ceil(length / PART_LIMIT[encoding]);
}

export function smsInfo(text: string) {
  return { encoding: smsEncoding(text), length: smsLength(text), segments: segments(text) };
}

/** Swaps typographic characters for plain ones when that makes the text GSM-7; Unicode texts are left alone. */
export function plainForSms(text: string): string {
  const plain = text.replace(PLAIN_CHARS, (ch) => PLAIN[ch]);
  return smsEncoding(plain) === "gsm7" ? plain : text;
}

/** "Roof leak." → "Roof leak", for text a template ends with its own full stop ("Sorry.. Ref" otherwise). */
export function withoutFinalStop(text: string): string {
  return text.trim().replace(/[.。۔।]+$/u, "");
}

/** Replaces {{name}} placeholders; unknown names become empty. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => values[name] ?? "");
}

/** The first `length` characters of a title (whole characters, never half a surrogate pair), ending "…". */
export function shortenTitle(title: string, length: number): string {
  const chars = Array.from(title.trim());
  if (chars.length <= length) return chars.join("");
  let cut = chars.slice(0, Math.max(0, length)).join("");
  // End on a word when a space is near the end, so no word is left half-written.
  const space = cut.lastIndexOf(" ");
  if (space >= cut.length - 8 && space > cut.length / 2) cut = cut.slice(0, space);
  cut = cut.replace(/[\s,.;:!?،۔\-–—(]+$/u, "");
  return `${cut}${ELLIPSIS}`;
}

export type SmsParts = {
  /** The translated template, with {{title}} and {{url}} placeholders still in it. */
  template: string;
  /** The session's or hub's name: the part that is shortened when the text is too long. */
  title: string;
  /** The link: never shortened. */
  url: string;
  /** Other placeholder values ({{venue}}, {{when}}…), already in the family's language. */
  values?: Record<string, string>;
  /** Shortest title worth keeping: below this the text is split rather than the title cut. */
  minTitle?: number;
};

/**
 * Builds a text message from a template, shortening the title (with "…") so the whole text fits in
 * as few messages as it can: one message of 160 characters where possible. The URL is never cut;
 * a template without {{url}} gets it added at the end.
 */
export function smsText({ template, title, url, values = {}, minTitle = 16 }: SmsParts): string {
  const withUrl = /{{\s*url\s*}}/.test(template) ? template : `${template} {{url}}`;
  const render = (t: string) =>
    plainForSms(
      fillTemplate(withUrl, { ...values, title: t, url })
        // A shortened title followed by a full stop would read "…." ("...." in GSM-7).
        .replace(/\u2026[.\u06D4]/g, ELLIPSIS)
        .replace(/[ \t]{2,}/g, " ")
        .trim(),
    );
  const full = render(title.trim());
  const titleChars = Array.from(title.trim()).length;
  if (titleChars <= minTitle) return full;
  // The fewest messages the text can take with the title at its shortest.
  const best = segments(render(shortenTitle(title, minTitle)));
  if (segments(full) <= best) return full;
  // Longest title that still fits in that many messages (length only ever grows with the title).
  let lo = minTitle;
  let hi = titleChars - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (segments(render(shortenTitle(title, mid))) <= best) lo = mid;
    else hi = mid - 1;
  }
  return render(shortenTitle(title, lo));
}

// What the share panel and the printed timetables show, made on the server in the family's language.

export type ShareData = {
  /** The language of the message for the family. */
  familyLang: string;
  languages: { code: string; name: string }[];
  link: string;
  qr: string;
  sms: { text: string; length: number; segments: number; href: string };
  email: { subject: string; body: string; href: string };
};

export type PrintSession = {
  id: number;
  time: string;
  title: string;
  type: string;
  age: string;
  booking: string;
  cost: string;
  venue: string | null;
  cancelled: boolean;
};

export type PrintDay = { date: string; heading: string; sessions: PrintSession[] };

export type PrintData = {
  name: string;
  caption: string;
  /** Address lines: one place for a hub, every place for a locality. */
  places: { name: string; lines: string[]; phone?: string | null }[];
  isSample: boolean;
  week: string;
  weekHeading: string;
  days: PrintDay[];
  onlineUrl: string;
  qr: string;
  generated: string;
  prevWeek: string;
  nextWeek: string;
  thisWeek: string;
};
