// Issue 14: home to a confirmed stay-and-play this week on a 390 × 844 phone, in English and Urdu,
// with JavaScript on and off: at most six taps and two screens of scrolling in all, and the first
// thing to do on every page on screen without scrolling (tests/support/journey.ts counts them).
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { describeJourney, JOURNEY_VIEWPORT, SCROLL_TARGET_SCREENS, TAP_TARGET, walkJourney } from "../support/journey";
import { axeViolations, screenshot, useSiteAndBrowser, type Site } from "./harness";

let site: Site;
let browser: Browser;
// Each context says which address it is, so the per-address booking limit does not end the run.
useSiteAndBrowser({ TRUST_PROXY: "true" }, (s, b) => {
  site = s;
  browser = b;
});

describe("the journey to a booked stay-and-play, on a phone", () => {
  for (const javaScript of [true, false]) {
    for (const lng of ["en", "ur"]) {
      it(`takes at most ${TAP_TARGET} taps and ${SCROLL_TARGET_SCREENS} screens of scrolling (${lng}, JavaScript ${javaScript ? "on" : "off"})`, async () => {
        const cost = await walkJourney(browser, site.url, {
          lng,
          javaScript,
          contact: `journey-${lng}-${javaScript}@example.org`,
          clientAddress: `192.0.2.${javaScript ? 10 : 20}${lng === "en" ? 1 : 2}`,
        });
        console.log(describeJourney(cost));
        expect(cost.reference).toMatch(/^FH-[2346789A-Z]{6}$/);
        expect(cost.firstActionsBelowFold).toEqual([]);
        expect(cost.taps).toBeLessThanOrEqual(TAP_TARGET);
        expect(cost.scrolled).toBeLessThanOrEqual(SCROLL_TARGET_SCREENS * JOURNEY_VIEWPORT.height);
      });
    }
  }
});

describe("what a family sees (screenshots in tests/artifacts)", () => {
  for (const lng of ["en", "ur"]) {
    it(`home, results, session, booking form and confirmation at 320 × 640 and 390 × 844 (${lng})`, async () => {
      for (const size of [
        { width: 320, height: 640, name: "320" },
        { width: 390, height: 844, name: "390" },
      ]) {
        const context = await browser.newContext({
          viewport: size,
          isMobile: true,
          hasTouch: true,
          extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${size.width === 320 ? 1 : 2}${lng === "en" ? 1 : 2}` },
        });
        const page = await context.newPage();
        const shot = (what: string) => screenshot(page, `phone-${what}-${lng}-${size.name}`);
        await page.goto(`${site.url}/?lng=${lng}`);
        await shot("1-home");
        await page.locator("#postcode").fill("B23 6SY");
        await page.locator("button[data-quick=stay-and-play]").click();
        await page.waitForURL(/\/search\?/);
        await shot("2-results");
        await page
          .locator(".app-card", { has: page.locator("a[data-card-action][href*='/book']") })
          .first()
          .locator(".app-card__title a")
          .click();
        await page.waitForURL(/\/sessions\/\d+$/);
        await shot("3-session");
        await page.locator("a[data-next-book]").first().click();
        await page.waitForURL(/\/book\?/);
        await shot("4-booking-form");
        await page.locator("#child1").selectOption({ index: 1 });
        await page.locator("#name").fill("Amina");
        await page.locator("#contact").fill(`shots-${lng}-${size.name}@example.org`);
        await page.locator("label[for=consent]").click();
        await page.locator("form#book-form button[type=submit]").click();
        await page.waitForURL(/\/bookings\/FH-/);
        await page.locator(".govuk-panel--confirmation").waitFor();
        await shot("5-confirmation");
        await context.close();
      }
    });
  }
});

describe("use my location", () => {
  it("puts the nearest postcode district in the box, and is not there without JavaScript", async () => {
    const context = await browser.newContext({
      viewport: JOURNEY_VIEWPORT,
      permissions: ["geolocation"],
      geolocation: { latitude: 52.525, longitude: -1.842 },
    });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await page.locator("button[data-locate]").click();
    await expect.poll(() => page.locator("#postcode").inputValue()).toBe("B23");
    expect(await page.locator("#locate-status").innerText()).toContain("B23");
    await context.close();

    const noScript = await browser.newContext({ viewport: JOURNEY_VIEWPORT, javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${site.url}/`);
    expect(await plain.locator("button[data-locate]").isVisible()).toBe(false);
    await noScript.close();
  });
});

describe("accessibility (axe) of the journey's pages at 320 and 390 px", () => {
  const languages = ["en", "ur", "pl", "ro", "ar", "bn"];
  for (const lng of languages) {
    for (const viewport of [
      { width: 320, height: 640 },
      { width: 390, height: 844 },
    ]) {
      it(`has no violations in ${lng} at ${viewport.width} px`, async () => {
        const address = `203.0.113.${languages.indexOf(lng) * 2 + (viewport.width === 320 ? 1 : 2)}`;
        const context = await browser.newContext({
          viewport,
          isMobile: true,
          hasTouch: true,
          extraHTTPHeaders: { "X-Forwarded-For": address },
        });
        const page = await context.newPage();
        const check = async (label: string) => expect(await axeViolations(page), `${lng} ${viewport.width} ${label}`).toEqual([]);
        await page.goto(`${site.url}/?lng=${lng}`);
        await check("home");
        await page.locator(".app-language-list summary").click();
        await check("home, language list open");
        await page.goto(`${site.url}/search?postcode=B23+6SY&quick=stay-and-play`);
        await check("results, this week");
        await page.locator(".app-filters-fold > summary").click();
        await check("results, filters open");
        await page.goto(`${site.url}/search?postcode=B23+6SY&age=0-1`);
        await check("results, nearest first");
        const bookable = page.locator(".app-card", { has: page.locator("a[data-card-action][href*='/book']") }).first();
        await bookable.locator(".app-card__title a").click();
        await page.waitForURL(/\/sessions\/\d+$/);
        await check("session");
        await page.locator("a[data-next-book]").first().click();
        await page.waitForURL(/\/book\?/);
        await check("booking form");
        await page.locator("form#book-form button[type=submit]").click();
        await page.locator(".govuk-error-summary").waitFor();
        await page.waitForLoadState("load");
        await check("booking form with errors");
        await page.locator("#child1").selectOption({ index: 1 });
        await page.locator("#name").fill("Amina");
        await page.locator("#contact").fill(`axe-${lng}-${viewport.width}@example.org`);
        await page.locator("label[for=consent]").click();
        await page.locator("form#book-form button[type=submit]").click();
        await page.waitForURL(/\/bookings\/FH-/);
        await page.locator(".govuk-panel--confirmation").waitFor();
        await check("confirmation");
        await context.close();
      }, 120_000);
    }
  }
});
