// What a family actually sees, measured in the drawn page rather than the HTML: numbers read in
// the right order in every language, right-to-left controls sit where they are drawn, no page is
// wider than a 320 px phone, and a screen reader is told about the new page after a navigation.
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { DEMO_PASSWORD } from "../../db/seed/demo-staff";
import { LANGUAGES } from "~/i18n";
import { createBooking } from "~/models/booking.server";
import { hydrated, screenshot, type Site, useSiteAndBrowser } from "./harness";

let site: Site;
let browser: Browser;
useSiteAndBrowser({}, (s, b) => {
  site = s;
  browser = b;
});

const HUB = "/hubs/erdington-family-hub";
let bookings = 0;

/** A booking with a phone number, made through the booking model, with its manage link. */
function bookAtHub(lng: string): { manage: string; reference: string } {
  const db = openDatabase(site.dbFile);
  try {
    const slot = db.$client
      .prepare(
        `SELECT o.id AS occurrenceId, s.id AS seriesId, s.age_min_months AS min FROM occurrences o
         JOIN session_series s ON s.id = o.series_id JOIN venues v ON v.id = s.venue_id
         WHERE v.slug = 'erdington-family-hub' AND s.booking_mode = 'per-session' AND o.status = 'scheduled'
           AND o.date > '2026-11-25' AND s.age_min_months IS NOT NULL ORDER BY o.date LIMIT 1`,
      )
      .get() as { occurrenceId: number; seriesId: number; min: number };
    const outcome = createBooking(
      db,
      {
        seriesId: slot.seriesId,
        occurrenceId: slot.occurrenceId,
        childAges: [slot.min],
        adults: 1,
        name: "Amina",
        email: null,
        phone: `+4477009009${String(++bookings).padStart(2, "0")}`,
        accessNeeds: "",
        language: lng,
        joinWaitingList: true,
        maxChildren: 4,
      },
      { date: "2026-11-24", time: "08:00", iso: "2026-11-24T08:00:00.000Z" },
    );
    if (outcome.kind !== "confirmed" && outcome.kind !== "waiting") throw new Error(`could not book: ${outcome.kind}`);
    return { manage: `/bookings/${outcome.reference}?token=${outcome.token}`, reference: outcome.reference };
  } finally {
    db.$client.close();
  }
}

/**
 * The characters of the first element matching `selector` whose text contains `text`, in the
 * order they are drawn (left to right on the screen), as the eye reads a number.
 */
async function drawnOrder(page: Page, selector: string, text: string): Promise<string> {
  return page.evaluate(
    ({ selector, text }) => {
      const el = [...document.querySelectorAll<HTMLElement>(selector)].find((e) => e.innerText.includes(text));
      if (!el) return `(no ${selector} with ${text})`;
      // Only the run of Latin letters, digits, spaces and dashes around `text` ("0121 496 0101").
      const full = el.textContent ?? "";
      const run = [...full.matchAll(/[0-9A-Z][0-9A-Z\s\u00a0-]*[0-9A-Z]/g)].find((m) => m[0].includes(text));
      if (!run) return `(no run with ${text})`;
      const [from, to] = [run.index, run.index + run[0].length];
      const chars: { ch: string; x: number; y: number }[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.nodeValue ?? "";
        for (let i = 0; i < value.length; i++) {
          const at = offset + i;
          if (at < from || at >= to || !/[0-9A-Z-]/.test(value[i])) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          chars.push({ ch: value[i], x: rect.left + rect.width / 2, y: rect.top });
        }
        offset += value.length;
      }
      // Lines from top to bottom, and within a line from left to right.
      chars.sort((a, b) => (Math.abs(a.y - b.y) > 4 ? a.y - b.y : a.x - b.x));
      const lines = new Set(chars.map((c) => Math.round(c.y)));
      return chars.map((c) => c.ch).join("") + (lines.size > 1 ? " (split across lines)" : "");
    },
    { selector, text },
  );
}

describe("numbers read the right way round", () => {
  for (const lng of LANGUAGES) {
    it(`phone number, postcode and reference in ${lng}`, async () => {
      const { manage, reference } = bookAtHub(lng);
      const ctx = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await ctx.newPage();
      await page.goto(`${site.url}${HUB}?lng=${lng}`);
      expect(await drawnOrder(page, "a[href^='tel:']", "496")).toBe("01214960101");
      expect(await drawnOrder(page, "address", "B23")).toBe("B236RS");
      await page.goto(`${site.url}${HUB}/timetable/print?lng=${lng}`);
      expect(await drawnOrder(page, ".app-print__place-list li", "496")).toBe("01214960101");
      await page.goto(`${site.url}${manage}&lng=${lng}`);
      expect(await drawnOrder(page, ".govuk-caption-l", "FH-")).toBe(reference);
      expect(await drawnOrder(page, ".govuk-summary-list__value", "07700")).toMatch(/^077009009\d\d$/);
      await page.goto(`${site.url}${manage.replace("?", "/cancel?")}&lng=${lng}`);
      expect(await drawnOrder(page, "main p", "FH-")).toBe(reference);
      if (["ur", "ar", "bn"].includes(lng)) await screenshot(page, `words-cancel-${lng}-320x640`);
      await ctx.close();
    });
  }
});

/** Signs in through the form, as a person would (with JavaScript, a client-side navigation). */
async function signIn(page: Page, email: string, next = "/staff") {
  await page.goto(`${site.url}${next}`);
  await page.waitForURL(/\/staff\/sign-in/);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/staff/sign-in"));
}

/** Where an input is, and where its label's drawn circle or box is. */
async function controlGeometry(page: Page, selector: string) {
  return page.evaluate((selector) => {
    return [...document.querySelectorAll<HTMLInputElement>(selector)].slice(0, 6).map((input) => {
      const item = input.parentElement!;
      const label = input.nextElementSibling as HTMLElement;
      const itemBox = item.getBoundingClientRect();
      const before = getComputedStyle(label, "::before");
      // The circle is absolutely placed in the item; its resolved left and top are used values.
      const drawnLeft = itemBox.left + parseFloat(before.left);
      const drawnTop = itemBox.top + parseFloat(before.top);
      const drawnSize = parseFloat(before.width);
      // The dot or tick: its box's centre, whatever its box-sizing.
      const after = getComputedStyle(label, "::after");
      const afterWidth =
        after.boxSizing === "border-box"
          ? parseFloat(after.width)
          : parseFloat(after.width) + parseFloat(after.borderLeftWidth) + parseFloat(after.borderRightWidth);
      const markCentre = itemBox.left + parseFloat(after.left) + afterWidth / 2;
      const real = input.getBoundingClientRect();
      const labelBox = label.getBoundingClientRect();
      return {
        id: input.id,
        dx: Math.abs(drawnLeft + drawnSize / 2 - (real.left + real.width / 2)),
        markDx: Math.abs(markCentre - (real.left + real.width / 2)),
        dy: Math.abs(drawnTop + drawnSize / 2 - (real.top + real.height / 2)),
        inputLeft: real.left,
        inputRight: real.right,
        itemRight: itemBox.right,
        labelRight: labelBox.right,
      };
    });
  }, selector);
}

describe("right-to-left controls sit where they are drawn", () => {
  for (const lng of ["ur", "ar"]) {
    it(`radios, checkboxes, error bars and the back link in ${lng}`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await ctx.newPage();
      const found = { radio: 0, checkbox: 0 };
      const bookable = await (async () => {
        await page.goto(`${site.url}/sessions/1?lng=${lng}`);
        return page.locator("a[href*='/book?occurrence=']").first().getAttribute("href");
      })();
      // Staff forms use the full-size radios; public forms the small ones.
      await signIn(page, "outreach@example.org");
      // The feedback form has the public pages' small radios; the booking form is last (sent empty below).
      for (const url of ["/staff/connections/new", "/", "/search?postcode=B23+6SY", `${HUB}/feedback`, bookable!]) {
        await page.goto(`${site.url}${url}${url.includes("?") ? "&" : "?"}lng=${lng}`);
        for (const kind of ["radio", "checkbox"] as const) {
          for (const c of await controlGeometry(page, `.govuk-${kind === "radio" ? "radios" : "checkboxes"}__input`)) {
            found[kind]++;
            // The drawn circle or box is centred on the real input (within 2 px), which is at the right.
            expect(c.dx, `${kind} ${c.id} on ${url}: drawn ${c.dx} px from its input`).toBeLessThanOrEqual(2);
            expect(c.dy, `${kind} ${c.id} on ${url}`).toBeLessThanOrEqual(2);
            expect(c.markDx, `${kind} ${c.id} on ${url}: its dot or tick is ${c.markDx} px from its input`).toBeLessThanOrEqual(2);
            expect(c.itemRight - c.inputRight, `${kind} ${c.id} on ${url} is not at the right`).toBeLessThanOrEqual(11);
            // Its label starts where the input ends, on its left, as it starts on the right in English.
            expect(
              Math.abs(c.inputLeft - c.labelRight),
              `${kind} ${c.id} label is ${c.inputLeft - c.labelRight} px from its input`,
            ).toBeLessThanOrEqual(1);
          }
        }
      }
      expect(found.radio, "no radios were checked").toBeGreaterThan(6);
      expect(found.checkbox, "no checkboxes were checked").toBeGreaterThan(0);

      // A form sent empty: each field in error has its red bar on the right.
      await page.locator("form#book-form button[type=submit]").click();
      await page.locator(".govuk-form-group--error").first().waitFor();
      const bars = await page.evaluate(() =>
        [...document.querySelectorAll(".govuk-form-group--error")].map((g) => {
          const s = getComputedStyle(g);
          return { right: parseFloat(s.borderRightWidth), left: parseFloat(s.borderLeftWidth) };
        }),
      );
      expect(bars.length).toBeGreaterThan(0);
      for (const bar of bars) expect(bar).toEqual({ right: 5, left: 0 });

      // The back link's arrow is drawn at its right-hand end and points right.
      const back = await page.evaluate(() => {
        const link = document.querySelector(".govuk-back-link")!;
        const box = link.getBoundingClientRect();
        const arrow = getComputedStyle(link, "::before");
        return { arrowLeft: box.left + parseFloat(arrow.left), mid: box.left + box.width / 2, transform: arrow.transform };
      });
      expect(back.arrowLeft).toBeGreaterThan(back.mid);
      // rotate(45deg): the open chevron's point faces right.
      expect(back.transform).toMatch(/^matrix\(0\.707\d*, 0\.707\d*, -0\.707\d*, 0\.707\d*/);
      await ctx.close();
    });
  }
});

describe("no page wider than a 320 px phone", () => {
  it("every public page in every language", async () => {
    const { manage } = bookAtHub("en");
    const ctx = await browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    await page.goto(`${site.url}/search?postcode=B23+6SY`);
    const session = await page.locator("ol.app-results a[href^='/sessions/']").first().getAttribute("href");
    await page.goto(`${site.url}${session}`);
    const book = await page.locator("a[href*='/book?occurrence=']").first().getAttribute("href");
    const pages = [
      "/",
      "/search?postcode=B23+6SY",
      "/search?postcode=B23+6SY&age=0-1&type=baby-and-me",
      "/search?postcode=SW1A+1AA",
      "/hubs",
      HUB,
      `${HUB}/share`,
      `${HUB}/timetable/print`,
      `${HUB}/timetable/month`,
      "/localities/erdington",
      "/localities/erdington/timetable/print",
      session!,
      `${session}/share`,
      book!,
      `/share?search=${encodeURIComponent("/search?postcode=B23 6SY")}`,
      manage,
      manage.replace("?", "/cancel?"),
      "/about-the-data",
      "/accessibility",
      "/privacy",
      "/no-such-page",
    ];
    const wide: string[] = [];
    for (const lng of LANGUAGES) {
      for (const url of pages) {
        await page.goto(`${site.url}${url}${url.includes("?") ? "&" : "?"}lng=${lng}`);
        const m = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, scrolled: window.scrollX }));
        if (m.width > 320 || m.scrolled !== 0) wide.push(`${lng} ${url}: ${m.width} px, opened scrolled ${m.scrolled} px`);
      }
      if (["ur", "ar", "bn"].includes(lng)) {
        for (const [name, url] of [
          ["hub", HUB],
          ["session", session!],
          ["booking", book!],
          ["month", `${HUB}/timetable/month`],
        ]) {
          await page.goto(`${site.url}${url}${url.includes("?") ? "&" : "?"}lng=${lng}`);
          await screenshot(page, `words-${name}-${lng}-320x640`);
        }
      }
    }
    expect(wide).toEqual([]);
    await ctx.close();
  });
});

describe("a screen reader is told about the new page", () => {
  it("moves focus to the h1 or the error summary and announces the title after client-side navigation", async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    // Public pages ship no framework JavaScript (decision 012): every step there is a full page
    // load. Client-side navigation happens where React runs, as on the pages staff book from.
    await signIn(page, "outreach@example.org");
    await page.goto(`${site.url}/sessions/1`);
    await hydrated(page);
    await page.locator("a[href*='/book?occurrence=']").first().click();
    await page.waitForURL(/\/book\?occurrence=/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    const title = await page.title();
    await expect.poll(() => page.locator("[data-testid=page-announcer]").innerText()).toBe(title);
    expect(await page.locator("[data-testid=page-announcer]").getAttribute("aria-live")).toBe("polite");
    await page.locator("form#book-form button[type=submit]").click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).toBe(true);
    await expect.poll(() => page.locator("[data-testid=page-announcer]").innerText()).toMatch(/^Error: /);
    await ctx.close();
  });
});

describe("staff pages on a phone", () => {
  it("after a client-side sign-in the staff home shows words, not keys, and the timetable fits 390 px", async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await signIn(page, "erdington.staff@example.org");
    await page.locator("main h1").waitFor();
    // Every namespace the page uses has loaded: no raw key such as "home.link" is shown.
    await expect.poll(() => page.locator("main").innerText()).not.toMatch(/\b(home|index|book)\.[a-z]+[A-Z]?\w*\b/);
    await page.goto(`${site.url}/staff/hubs/erdington-family-hub/timetable`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await ctx.close();
  });
});
