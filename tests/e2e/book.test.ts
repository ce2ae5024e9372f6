// A parent on a phone books a place, sees the confirmation, opens the manage link and cancels.
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, PHONE, screenshot, useSiteAndBrowser, type Site } from "./harness";

let site: Site;
let browser: Browser;
useSiteAndBrowser({ TRUST_PROXY: "true" }, (s, b) => {
  site = s;
  browser = b;
});

/** axe runs as a script in the page, so it checks only where JavaScript is on. */
async function expectAccessible(page: Page, label: string, javaScriptEnabled: boolean) {
  if (!javaScriptEnabled) return;
  expect(await axeViolations(page), label).toEqual([]);
}

async function bookableSessionUrl(page: Page) {
  // Baby & Me near Erdington: booked per session, for babies.
  await page.goto(`${site.url}/search?postcode=B23+6SY&age=0-1&type=baby-and-me`);
  const href = await page.locator("ol.app-results > .app-result a").first().getAttribute("href");
  return `${site.url}${href}`;
}

describe("booking a place on a phone", () => {
  for (const javaScriptEnabled of [true, false]) {
    for (const lng of javaScriptEnabled ? ["en", "ur", "pl"] : ["en"]) {
      it(`books, confirms, and cancels (JavaScript ${javaScriptEnabled ? "on" : "off"}, ${lng})`, async () => {
        const context = await browser.newContext({
          viewport: PHONE,
          isMobile: true,
          hasTouch: true,
          javaScriptEnabled,
          extraHTTPHeaders: { "X-Forwarded-For": `192.0.2.${javaScriptEnabled ? 10 : 20}${["en", "ur", "pl"].indexOf(lng)}` },
        });
        const page = await context.newPage();
        await page.goto(`${await bookableSessionUrl(page)}?lng=${lng}`);
        await page.locator("table a[href*='/book?occurrence=']").first().click();
        await page.waitForURL(/\/book\?occurrence=/);
        await expectAccessible(page, `${lng} form`, javaScriptEnabled);
        if (javaScriptEnabled) await screenshot(page, `book-form-${lng}-phone`);

        // Submitting with nothing filled in explains every problem, by the field.
        await page.locator("form#book-form button[type=submit]").click();
        await page.locator(".govuk-error-summary").waitFor();
        // Without JavaScript the summary arrives while the rest of the new page is still streaming in.
        await page.waitForLoadState("load");
        expect(await page.title()).toMatch(lng === "en" ? /^Error: / : /:/);
        expect(await page.locator(".govuk-error-message").count()).toBeGreaterThanOrEqual(4);
        await expectAccessible(page, `${lng} form with errors`, javaScriptEnabled);

        await page.locator("#child1").selectOption("6");
        await page.locator("#name").fill("Amina");
        // One contact field takes an email address or a UK mobile number.
        await page.locator("#contact").fill(javaScriptEnabled ? `amina-${lng}@example.org` : "07700 900982");
        await page.locator("#consent").check();
        await page.locator("form#book-form button[type=submit]").click();
        await page.waitForURL(/\/bookings\/FH-[A-Z0-9]{6}\?token=/);
        const panel = page.locator(".govuk-panel--confirmation");
        const reference = (await panel.locator("strong").innerText()).trim();
        expect(reference).toMatch(/^FH-[2346789A-Z]{6}$/);
        await expectAccessible(page, `${lng} confirmation`, javaScriptEnabled);
        if (javaScriptEnabled) await screenshot(page, `confirmation-${lng}-phone`);
        expect(await page.locator(`a[href*="/calendar.ics"]`).count()).toBe(1);

        // The manage link (as sent in the message) shows the booking and lets them cancel.
        const manageUrl = page.url().replace("&new=1", "");
        await page.goto(manageUrl);
        await page.locator(".govuk-button--warning").click();
        await page.waitForURL(/\/cancel\?token=/);
        await expectAccessible(page, `${lng} cancel`, javaScriptEnabled);
        await page.locator("#cancel-form button[type=submit]").click();
        await page.waitForURL(/cancelled=1/);
        // With JavaScript the URL changes a moment before the new page is drawn.
        await page.locator(".govuk-tag--grey").waitFor();
        expect(await page.locator(".govuk-tag--grey").count()).toBe(1);
        await expectAccessible(page, `${lng} cancelled`, javaScriptEnabled);
        await context.close();
      });
    }
  }

  it("shows 'not found' for a manage link with the wrong token", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const res = await page.goto(`${site.url}/bookings/FH-7K2P9Q?token=wrongwrongwrongwrongwrongwrong`);
    expect(res?.status()).toBe(404);
    await context.close();
  });
});
