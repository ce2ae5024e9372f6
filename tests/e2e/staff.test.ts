// A hub worker on a tablet: sign in, add a weekly term-time series, see it in public search,
// a family books it, the worker cancels one date, and the family's message is in the outbox.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-staff";
import { axeViolations, launchBrowser, screenshot, startSite, type Site } from "./harness";

const TABLET = { width: 820, height: 1180 };
const TITLE = "Tuesday Toddler Tumble (test)";

let site: Site;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  site = await startSite({ TRUST_PROXY: "true" });
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await site?.stop();
});

async function accessible(page: Page, label: string) {
  expect(await axeViolations(page), label).toEqual([]);
}

describe("a hub worker's day", () => {
  it("builds a timetable, and a cancelled date reaches the booked family", async () => {
    const staff = await browser.newContext({ viewport: TABLET, extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.80" } });
    const page = await staff.newPage();

    // Signed out, the staff area asks for sign-in and comes back afterwards.
    await page.goto(`${site.url}/staff/hubs/erdington-family-hub/timetable`);
    await page.waitForURL(/\/staff\/sign-in\?next=/);
    await accessible(page, "sign-in");
    await page.getByLabel("Email address").fill("erdington.staff@example.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/staff\/hubs\/erdington-family-hub\/timetable/);
    await accessible(page, "timetable");

    // Another hub's timetable is off limits.
    const other = await page.goto(`${site.url}/staff/hubs/hillfields-family-hub/timetable`);
    expect(other?.status()).toBe(403);

    await page.goto(`${site.url}/staff/hubs/erdington-family-hub/timetable`);
    await page.getByRole("button", { name: "Add a session series" }).click();
    await page.waitForURL(/\/staff\/series\/new/);
    await accessible(page, "new series");
    await page.locator("#type").selectOption("stay-and-play");
    await page.locator("#title").fill(TITLE);
    await page.locator("#description").fill("Climbing, rolling and songs for busy toddlers.");
    await page.locator("#weekdays-2").check();
    await page.locator("#startTime").fill("13:00");
    await page.locator("#endTime").fill("14:30");
    await page.locator("#startDate").fill("2026-11-24");
    await page.locator("#termTimeOnly").check();
    await page.locator("#capacity").fill("10");
    await page.locator("#bookingMode-per-session").check();
    await page.locator("#ageMinMonths").fill("12");
    await page.locator("#ageMaxMonths").fill("59");
    await page.getByRole("button", { name: "Add the series" }).click();
    await page.waitForURL(/\/staff\/series\/\d+/);
    await screenshot(page, "staff-series-created-tablet");

    // The public sees it straight away.
    const family = await browser.newContext({ viewport: { width: 390, height: 844 }, extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.81" } });
    const parent = await family.newPage();
    await parent.goto(`${site.url}/search?postcode=B23+6SY&type=stay-and-play&day=tue`);
    await parent.getByRole("link", { name: TITLE }).click();
    await parent.waitForURL(/\/sessions\/\d+$/);
    await parent.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    // Term time only: nothing in the Christmas holidays.
    const dates = await parent.locator("table tbody tr td:first-child").allInnerTexts();
    expect(dates.some((d) => d.includes("29 December"))).toBe(false);
    expect(dates[0]).toContain("24 November");
    await parent.locator("table a[href*='/book?occurrence=']").nth(1).click();
    await parent.locator("#child1").selectOption("24");
    await parent.locator("#name").fill("Bola");
    await parent.locator("#email").fill("bola@example.org");
    await parent.locator("#consent").check();
    await parent.locator("form#book-form button[type=submit]").click();
    await parent.waitForURL(/\/bookings\/FH-/);
    const reference = (await parent.locator(".govuk-panel strong").innerText()).trim();
    await family.close();

    // The worker cancels that date with a reason.
    await page.goto(`${site.url}/staff/hubs/erdington-family-hub/timetable?week=2026-12-01`);
    await page.getByRole("link", { name: TITLE }).first().click();
    await page.waitForURL(/\/staff\/occurrences\/\d+$/);
    await accessible(page, "occurrence");
    await page.locator("#reason").fill("Heating failure at the hub");
    await page.getByRole("button", { name: "Cancel this date and tell families" }).click();
    await page.getByText("The date has been cancelled").waitFor();

    // The register for a date, and the family's message in the outbox.
    await page.goto(`${site.url}/staff/outbox`);
    await accessible(page, "outbox");
    const row = page.locator("tr", { hasText: reference }).filter({ hasText: /cancel/i });
    expect(await row.count()).toBeGreaterThan(0);
    await screenshot(page, "staff-outbox-tablet");
    await staff.close();
  });

  it("has no accessibility violations on the other staff pages", async () => {
    const context = await browser.newContext({ viewport: TABLET, extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.90" } });
    const page = await context.newPage();
    await page.goto(`${site.url}/staff/sign-in`);
    await page.getByLabel("Email address").fill("admin@example.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/staff$/);
    await accessible(page, "home");
    await page.goto(`${site.url}/staff/hubs/erdington-family-hub/timetable`);
    const occurrenceHref = await page.locator("a[href^='/staff/occurrences/']").first().getAttribute("href");
    for (const path of [
      `${occurrenceHref}/register`,
      `${occurrenceHref}/register?print=1`,
      "/staff/users",
      "/staff/users/new",
      "/staff/audit",
      "/staff/term-dates",
      "/staff/hubs/erdington-family-hub/closures",
    ]) {
      const res = await page.goto(`${site.url}${path}`);
      expect(res?.status(), path).toBe(200);
      await accessible(page, path);
    }
    await context.close();
  });
});
