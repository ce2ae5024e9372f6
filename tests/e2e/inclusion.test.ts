// Inclusion: the smallest phones, keyboard only, and families who read only Urdu or only Polish
// with JavaScript off.
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { PUBLIC_NAMESPACES } from "~/i18n";
import { ROOT } from "../setup/constants";
import { axeViolations, screenshot, useSiteAndBrowser, type Site } from "./harness";

let site: Site;
let browser: Browser;
let ip = 0;
useSiteAndBrowser({ TRUST_PROXY: "true" }, (s, b) => {
  site = s;
  browser = b;
});

/** Each context is a different family (the booking form limits how often one address may book). */
function context(options: { width: number; height: number; javaScriptEnabled?: boolean; touch?: boolean }): Promise<BrowserContext> {
  ip++;
  return browser.newContext({
    viewport: { width: options.width, height: options.height },
    isMobile: options.touch ?? true,
    hasTouch: options.touch ?? true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${ip}` },
  });
}

const SEARCH = "/search?postcode=B23+6SY&age=0-1&type=baby-and-me";

/** Nothing wider than the screen: no sideways scrolling at 320 px (WCAG 1.4.10 reflow). */
async function expectNoSidewaysScroll(page: Page, label: string) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page, `${label} is wider than the screen`).toBeLessThanOrEqual(widths.screen);
}

async function fillBookingForm(page: Page, email: string) {
  await page.locator("#child1").selectOption("6");
  await page.locator("#name").fill("Amina");
  await page.locator("#contact").fill(email);
  await page.locator("#consent").check();
}

describe("small screens", () => {
  for (const lng of ["en", "ur"]) {
    it(`home, results, session, booking and confirmation fit 320 and 390 px wide (${lng})`, async () => {
      for (const size of [
        { width: 320, height: 640 },
        { width: 390, height: 844 },
      ]) {
        const ctx = await context(size);
        const page = await ctx.newPage();
        const shot = async (name: string) => {
          await expectNoSidewaysScroll(page, `${name} at ${size.width} px`);
          await screenshot(page, `${name}-${lng}-${size.width}x${size.height}`);
        };
        await page.goto(`${site.url}/?lng=${lng}`);
        await shot("home");
        await page.goto(`${site.url}${SEARCH}`);
        await page.locator("ol.app-results").waitFor();
        await shot("results");
        await page.locator("ol.app-results > .app-result a").first().click();
        await page.waitForURL(/\/sessions\/\d+$/);
        // With JavaScript the URL changes a moment before the new page is drawn.
        await page.locator("table a[href*='/book?occurrence=']").first().waitFor();
        await shot("session");
        await page.locator("table a[href*='/book?occurrence=']").first().click();
        await page.locator("form#book-form").waitFor();
        await shot("booking");
        await fillBookingForm(page, `small-${lng}-${size.width}@example.org`);
        await page.locator("form#book-form button[type=submit]").click();
        await page.waitForURL(/\/bookings\/FH-/);
        await page.locator(".govuk-panel--confirmation").waitFor();
        await shot("confirmation");
        await ctx.close();
      }
    });
  }
});

describe("no layout shift from late content", () => {
  it("keeps home, results, session, hub and share pages still while they load", async () => {
    // A tall desktop window, so more of each page is on screen where a shift would count.
    const ctx = await context({ width: 1280, height: 2000, touch: false });
    const page = await ctx.newPage();
    await page.goto(`${site.url}${SEARCH}`);
    const session = await page.locator("ol.app-results > .app-result a").first().getAttribute("href");
    for (const url of ["/", SEARCH, session!, `${session}/share`, "/hubs/erdington-family-hub"]) {
      await page.goto(`${site.url}${url}`, { waitUntil: "networkidle" });
      // Cumulative layout shift as Chromium measures it, since the page started loading.
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let sum = 0;
            new PerformanceObserver((list) => {
              for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
                if (!e.hadRecentInput) sum += e.value;
              }
            }).observe({ type: "layout-shift", buffered: true });
            setTimeout(() => resolve(sum), 300);
          }),
      );
      expect(shift, `layout shift on ${url}`).toBeLessThan(0.01);
    }
    await ctx.close();
  });
});

/** Presses Tab until the element matching `selector` has focus; fails if it never does. */
async function tabTo(page: Page, selector: string, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const state = await page.evaluate((sel) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { hit: false, visible: true };
      // GOV.UK focus styles: a yellow outline, or a yellow background with a black underline; radios
      // and checkboxes hide the input and ring the label's drawn circle or box instead.
      const ringed = (style: CSSStyleDeclaration) =>
        (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== "rgba(0, 0, 0, 0)") ||
        style.boxShadow !== "none";
      const label = el.matches("input[type=radio], input[type=checkbox]") ? el.nextElementSibling : null;
      const visible = ringed(getComputedStyle(el)) || (label !== null && ringed(getComputedStyle(label, "::before")));
      return { hit: el.matches(sel), visible, what: el.outerHTML.slice(0, 80) };
    }, selector);
    expect(state.visible, `focus is not visible on ${state.what}`).toBe(true);
    if (state.hit) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

describe("keyboard only", () => {
  it("searches, books and reaches the confirmation without a mouse", async () => {
    const ctx = await context({ width: 1024, height: 768, touch: false });
    const page = await ctx.newPage();
    await page.goto(`${site.url}/`);

    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect(await activeId(page)).toBe("main-content");

    await tabTo(page, "#postcode");
    await page.keyboard.type("B23 6SY");
    await tabTo(page, "#age");
    // Arrow keys move through a closed select, choosing as they go.
    for (let i = 0; i < 8 && (await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)) !== "0-1"; i++) {
      await page.keyboard.press("ArrowDown");
    }
    expect(await page.locator("#age").inputValue()).toBe("0-1");
    await tabTo(page, "form button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?postcode=B23\+6SY&age=0-1/);

    await tabTo(page, "ol.app-results > .app-result a");
    // The link's name adds the place and day (hidden); the title is its marked-up part.
    const title = await page.evaluate(() => document.activeElement?.querySelector("[lang]")?.textContent);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/sessions\/\d+$/);
    // With JavaScript the URL changes a moment before the new page is drawn.
    await expect.poll(() => page.locator("h1").innerText()).toBe(title);

    // Not every session can be booked: fall back to the first one that can.
    if ((await page.locator("table a[href*='/book?occurrence=']").count()) === 0) {
      await page.goto(`${site.url}${SEARCH}`);
      await tabTo(page, "ol.app-results > .app-result a");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/sessions\/\d+$/);
    }
    await tabTo(page, "table a[href*='/book?occurrence=']");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/book\?occurrence=/);

    // Sending the empty form: the error summary takes focus, and its first link leads to the field.
    await tabTo(page, "form#book-form button[type=submit]");
    await page.keyboard.press("Enter");
    await page.locator(".govuk-error-summary").waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    expect(await page.title()).toMatch(/^Error: /);
    await page.keyboard.press("Tab");
    const firstError = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).hash.slice(1));
    await page.keyboard.press("Enter");
    expect(await activeId(page)).toBe(firstError);
    // Sending the same mistakes again brings focus back to the summary.
    await tabTo(page, "form#book-form button[type=submit]");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);

    await tabTo(page, "#child1");
    await page.keyboard.press("ArrowDown");
    expect(await page.locator("#child1").inputValue()).not.toBe("");
    await tabTo(page, "#name");
    await page.keyboard.type("Kay Board");
    await tabTo(page, "#contact");
    await page.keyboard.type("kay@example.org");
    await tabTo(page, "#consent");
    await page.keyboard.press("Space");
    expect(await page.locator("#consent").isChecked()).toBe(true);
    await tabTo(page, "form#book-form button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/bookings\/FH-[A-Z0-9]{6}\?token=/);
    await page.locator(".govuk-panel--confirmation").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  });
});

type Tree = { [key: string]: unknown };
function flatten(tree: unknown, prefix = "", out = new Map<string, string>()) {
  for (const [k, v] of Object.entries(tree as Tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object") flatten(v, key, out);
    else if (typeof v === "string") out.set(key, v);
  }
  return out;
}

/**
 * English interface phrases that must not appear on a page in `lng`: every English string of the
 * public namespaces that the language translates differently, cut at its {{placeholders}}, keeping
 * pieces long enough not to match by chance. Names of places (proper nouns, in `names`) may
 * contain such a phrase ("Erdington Family Hub").
 */
function englishPhrases(lng: string, names: string): string[] {
  const phrases = new Set<string>();
  const read = (l: string, ns: string) => flatten(JSON.parse(fs.readFileSync(path.join(ROOT, "locales", l, `${ns}.json`), "utf8")));
  // A translation may keep an English name on purpose ("Stay and play (wspólna zabawa…)").
  const kept = PUBLIC_NAMESPACES.flatMap((ns) => [...read(lng, ns).values()]).join("\n");
  for (const ns of PUBLIC_NAMESPACES) {
    const en = read("en", ns);
    const other = read(lng, ns);
    for (const [key, value] of en) {
      const translated = other.get(key);
      if (translated === value) continue;
      for (const piece of value.split(/{{\s*\w+\s*}}|<\/?\d+>|\n/)) {
        const p = piece.trim().replace(/^[,.:;–-]\s*|\s*[,.:;–-]$/g, "");
        if (p.split(/\s+/).length >= 2 && p.length >= 10 && !kept.includes(p) && !names.includes(p)) phrases.add(p);
      }
    }
  }
  return [...phrases];
}

/** The page's words a family reads (title included), leaving out text marked as English content. */
async function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const el of body.querySelectorAll("script, style, [hidden], [lang='en']")) el.remove();
    return `${document.title}\n${body.textContent ?? ""}`.replace(/\s+/g, " ");
  });
}

async function expectNoEnglish(page: Page, phrases: string[], label: string) {
  const words = await pageWords(page);
  expect(
    phrases.filter((p) => words.includes(p)),
    `English words on the ${label} page`,
  ).toEqual([]);
}

describe("a family who reads only Urdu, then only Polish, on a small phone without JavaScript", () => {
  for (const lng of ["ur", "pl"]) {
    it(`finds, books and cancels with every word in ${lng}`, async () => {
      const db = openDatabase(site.dbFile);
      const names = (
        db.$client
          .prepare("SELECT name FROM venues UNION ALL SELECT name FROM localities UNION ALL SELECT name FROM local_authorities")
          .all() as {
          name: string;
        }[]
      )
        .map((r) => r.name)
        .join("\n");
      db.$client.close();
      const phrases = englishPhrases(lng, names);
      expect(phrases.length).toBeGreaterThan(100);
      const ctx = await context({ width: 320, height: 640, javaScriptEnabled: false });
      const page = await ctx.newPage();
      const dir = lng === "ur" ? "rtl" : "ltr";
      const check = async (label: string) => {
        expect(await page.getAttribute("html", "lang"), label).toBe(lng);
        expect(await page.getAttribute("html", "dir"), label).toBe(dir);
        await expectNoEnglish(page, phrases, label);
        await expectNoSidewaysScroll(page, label);
      };

      // The language list on the home page, remembered from then on.
      await page.goto(`${site.url}/`);
      // The language control is one line in the header: open it, then choose.
      await page.locator(".app-language-list summary").click();
      await page.locator(`.app-language-list a[lang=${lng}]`).click();
      await check("home");
      await page.locator("#postcode").fill("B23 6SY");
      await page.locator("#age").selectOption("0-1");
      await page.locator("form.app-home-search .app-home-search__submit").click();
      await page.waitForURL(/\/search\?/);
      await check("results");
      // A mistake is explained in the family's language, by the field.
      await page.goto(`${site.url}/search?postcode=hello`);
      await check("search error");
      expect(await page.locator("#postcode-error").innerText()).not.toContain("postcode");

      await page.goto(`${site.url}${SEARCH}`);
      await page.locator("ol.app-results > .app-result a").first().click();
      await page.waitForURL(/\/sessions\/\d+$/);
      await check("session");
      // Sharing works without JavaScript too; the copy button, which needs it, is not shown.
      const sessionUrl = page.url();
      await page.goto(`${sessionUrl}/share`);
      await check("share");
      expect(await page.locator(".app-copy button").count()).toBeGreaterThan(0);
      for (const button of await page.locator(".app-copy button").all()) expect(await button.isVisible()).toBe(false);
      await page.goto(sessionUrl);
      await page.locator("table a[href*='/book?occurrence=']").first().click();
      await page.waitForURL(/\/book\?occurrence=/);
      await check("booking form");
      await page.locator("form#book-form button[type=submit]").click();
      await page.locator(".govuk-error-summary").waitFor();
      // Without JavaScript the summary arrives while the rest of the new page is still streaming in.
      await page.waitForLoadState("load");
      await check("booking form with errors");
      await fillBookingForm(page, `only-${lng}@example.org`);
      await page.locator("form#book-form button[type=submit]").click();
      await page.waitForURL(/\/bookings\/FH-/);
      await check("confirmation");

      await page.locator(".govuk-button--warning").click();
      await page.waitForURL(/\/cancel\?token=/);
      await check("cancel");
      await page.locator("#cancel-form button[type=submit]").click();
      await page.waitForURL(/cancelled=1/);
      await check("cancelled");
      await ctx.close();
    });
  }
});
