// An outreach worker on a phone, in a family's home: find a stay-and-play near the family, share
// it, book it on the family's behalf, and print the hub's week.
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-staff";
import { axeViolations, PHONE, screenshot, useSiteAndBrowser, type Site } from "./harness";

let site: Site;
let browser: Browser;
useSiteAndBrowser({ TRUST_PROXY: "true" }, (s, b) => {
  site = s;
  browser = b;
});

async function accessible(page: Page, label: string) {
  expect(await axeViolations(page), label).toEqual([]);
}

describe("an outreach worker with a family", () => {
  it("finds, shares, books on behalf and prints", async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.120" },
    });
    const page = await context.newPage();
    await page.goto(`${site.url}/staff/sign-in`);
    await page.getByLabel("Email address").fill("outreach@example.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/staff$/);

    // A bookable stay-and-play near the family.
    await page.goto(`${site.url}/search?postcode=B23+6SY&type=stay-and-play&age=1-2`);
    // A card whose action books (not "Drop in"); its title is the [lang] part of the first link.
    const card = page.locator("ol.app-results > .app-result", { has: page.locator("a[data-card-action][href*='/book']") }).first();
    const title = (await card.locator(".app-card__title a [lang]").innerText()).trim();
    await card.locator(".app-card__title a").click();
    await page.waitForURL(/\/sessions\/\d+$/);
    const sessionUrl = page.url();

    // Share: QR code and a text message ready to send, in the family's language.
    await page.goto(`${sessionUrl}/share`);
    await accessible(page, "share");
    expect(await page.locator("svg").count()).toBeGreaterThan(0);
    const sms = await page.locator("textarea").first().inputValue();
    expect(sms).toContain(title.slice(0, 10));
    expect(sms.length).toBeLessThanOrEqual(160);
    await screenshot(page, "share-en-phone");

    // Book on the family's behalf, with their agreement, messages in Urdu.
    await page.goto(sessionUrl);
    await page.locator("table a[href*='/book?occurrence=']").first().click();
    await page.waitForURL(/\/book\?occurrence=/);
    await page.locator("#child1").selectOption("18");
    await page.locator("#name").fill("Farah");
    await page.locator("#phone").fill("07700 900555");
    await page.locator("#familyLanguage").selectOption("ur");
    await page.locator("#familyAgreed").check();
    await page.locator("form#book-form button[type=submit]").click();
    await page.waitForURL(/\/bookings\/FH-/);
    const reference = (await page.locator(".govuk-panel strong").innerText()).trim();
    expect(reference).toMatch(/^FH-/);

    // Print the hub's week.
    const hubHref = await page.goto(sessionUrl).then(() => page.locator("a[data-link=hub]").getAttribute("href"));
    const print = await page.goto(`${site.url}${hubHref}/timetable/print?week=2026-W49`);
    expect(print?.status()).toBe(200);
    await accessible(page, "print");
    expect(await page.locator("svg").count()).toBeGreaterThan(0);
    await screenshot(page, "print-week-en-phone");
    const bad = await page.goto(`${site.url}${hubHref}/timetable/print?week=2026-W99`);
    expect(bad?.status()).toBe(400);
    await context.close();
  });
});
