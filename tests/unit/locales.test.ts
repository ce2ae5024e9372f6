// Every language must carry every key, and every key the code uses must exist.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BOOKING_MODES, VENUE_KINDS } from "../../db/schema";
import { AGE_BANDS } from "~/domain/age-bands";
import { WEEKDAY_SLUGS } from "~/domain/dates";
import { SESSION_TYPE_SLUGS } from "~/domain/session-types";
import { NAMESPACES, OFFERED_LANGUAGES } from "~/i18n";

const LOCALES = path.resolve(__dirname, "../../locales");
const APP = path.resolve(__dirname, "../../app");

type Tree = { [key: string]: string | string[] | Tree | Tree[] };

function flatten(tree: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree && typeof tree === "object" && !Array.isArray(tree)) {
    for (const [k, v] of Object.entries(tree)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (v && typeof v === "object" && !Array.isArray(v)) for (const [k2, v2] of flatten(v, key)) out.set(k2, v2);
      else out.set(key, v);
    }
  }
  return out;
}

function load(lng: string, ns: string): Map<string, unknown> {
  return flatten(JSON.parse(fs.readFileSync(path.join(LOCALES, lng, `${ns}.json`), "utf8")) as Tree);
}

/** Keys as the code asks for them: plural forms (_one, _other…) count as their base key. */
function baseKeys(keys: Iterable<string>) {
  return new Set([...keys].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, "")));
}

const placeholders = (v: unknown) => [...JSON.stringify(v).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe("locales", () => {
  it("has every namespace, public and staff, in every offered language", () => {
    for (const lng of OFFERED_LANGUAGES) {
      for (const ns of NAMESPACES) {
        expect(fs.existsSync(path.join(LOCALES, lng, `${ns}.json`)), `${lng}/${ns}.json`).toBe(true);
      }
    }
  });

  for (const lng of OFFERED_LANGUAGES.filter((l) => l !== "en")) {
    for (const ns of NAMESPACES) {
      it(`${lng}/${ns} has every English key, translated, with the same placeholders`, () => {
        const en = load("en", ns);
        const other = load(lng, ns);
        const otherBases = baseKeys(other.keys());
        const missing = [...baseKeys(en.keys())].filter((k) => !otherBases.has(k));
        expect(missing, `missing in ${lng}/${ns}`).toEqual([]);
        // Copies of the English text are not translations.
        const untranslated = [...other].filter(([key, value]) => {
          const english = en.get(key);
          return typeof value === "string" && value === english && /[a-z]{4,}/i.test(value.replace(/{{\w+}}/g, ""));
        });
        expect(untranslated.length, `untranslated in ${lng}/${ns}: ${untranslated.map(([k]) => k).join(", ")}`).toBeLessThanOrEqual(
          Math.floor(other.size * 0.05),
        );
        for (const [key, value] of other) {
          expect(JSON.stringify(value).length > 2, `${lng}/${ns}:${key} is empty`).toBe(true);
          const enValue = en.get(key) ?? en.get(key.replace(/_(zero|one|two|few|many)$/, "_other"));
          if (enValue !== undefined) {
            // A plural form may say the number in words ("two places"), so {{count}} is optional there.
            const plural = /_(zero|one|two|few|many|other)$/.test(key);
            const strip = (names: string[]) => (plural ? names.filter((n) => n !== "count") : names);
            expect(strip(placeholders(value)), `${lng}/${ns}:${key} placeholders`).toEqual(strip(placeholders(enValue)));
          }
        }
      });
    }
  }

  it("defines every key the code uses", () => {
    const en = new Map(NAMESPACES.map((ns) => [ns, baseKeys(load("en", ns).keys())] as const));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(entry.name)) files.push(p);
      }
    };
    walk(APP);
    const missing: string[] = [];
    let checked = 0;
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      const defaultNs = source.match(/useTranslation\("(\w+)"\)/)?.[1] ?? "common";
      for (const m of source.matchAll(/\bt\(\s*"([\w.:-]+)"/g)) {
        const raw = m[1];
        const [ns, key] = raw.includes(":") ? raw.split(":") : [defaultNs, raw];
        const known = en.get(ns as (typeof NAMESPACES)[number]);
        checked++;
        // Files that mix namespaces (server translators) may use a key from common unprefixed.
        if (!known?.has(key) && !en.get("common")?.has(key)) missing.push(`${path.relative(APP, file)}: ${raw}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it("names every session type, age band, day, booking mode and venue kind", () => {
    const common = baseKeys(load("en", "common").keys());
    const venue = baseKeys(load("en", "venue").keys());
    for (const lng of OFFERED_LANGUAGES) {
      const c = baseKeys(load(lng, "common").keys());
      const v = baseKeys(load(lng, "venue").keys());
      for (const s of SESSION_TYPE_SLUGS) expect(c.has(`types.${s}`), `${lng} types.${s}`).toBe(true);
      for (const b of AGE_BANDS) expect(c.has(`ageBands.${b}`), `${lng} ageBands.${b}`).toBe(true);
      for (const d of WEEKDAY_SLUGS) expect(c.has(`days.${d}`), `${lng} days.${d}`).toBe(true);
      for (const m of BOOKING_MODES) expect(c.has(`bookingModes.${m}`), `${lng} bookingModes.${m}`).toBe(true);
      for (const k of VENUE_KINDS) expect(v.has(`kinds.${k}`), `${lng} kinds.${k}`).toBe(true);
    }
    expect(common.size).toBeGreaterThan(0);
    expect(venue.size).toBeGreaterThan(0);
  });
});
