// A partnership manager on a laptop: opens this quarter's report, narrows it to one area, downloads
// a table as CSV and finds it is the table on the page; last term's Erdington stay-and-play reach
// and the searches that found nothing are three clicks from the staff home. axe-clean, and the same
// report works with JavaScript off.
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { seedDemoHistory } from "../../db/seed/demo-history";
import { DEMO_PASSWORD } from "../../db/seed/demo-staff";
import { axeViolations, hydrated, screenshot, type Site, useSiteAndBrowser } from "./harness";
import { TEST_TODAY } from "../setup/constants";

const LAPTOP = { width: 1366, height: 768 };

let site: Site;
let browser: Browser;
useSiteAndBrowser({ TRUST_PROXY: "true" }, (s, b) => {
  site = s;
  browser = b;
  // The template database has no past; give it the sample's 16 weeks, as a fresh install has.
  const db = openDatabase(s.dbFile);
  seedDemoHistory(db, TEST_TODAY);
  db.$client.close();
});

async function signIn(page: Page, email: string) {
  await page.goto(`${site.url}/staff/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/staff$/);
  await hydrated(page);
}

/** A table on the page as rows of cell text, header row first. */
async function tableText(page: Page, caption: string) {
  const table = page.locator("table", { has: page.locator("caption", { hasText: caption }) });
  return table.locator("tr").evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())));
}

describe("reports for the Best Start partnership", () => {
  it("a manager opens the quarter, narrows it to one area and downloads the CSV", async () => {
    const context = await browser.newContext({
      viewport: LAPTOP,
      acceptDownloads: true,
      extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.90" },
    });
    const page = await context.newPage();
    await signIn(page, "erdington.manager@example.org");
    await page.getByRole("link", { name: "Reports" }).click();
    await page.waitForURL(/\/staff\/reports/);
    await page.getByRole("heading", { level: 1, name: "Reports" }).waitFor();
    expect(await axeViolations(page), "report").toEqual([]);
    await screenshot(page, "staff-reports-quarter-laptop");

    await page.locator("#locality").selectOption("erdington");
    await page.getByRole("button", { name: "Show report" }).click();
    await page.waitForURL(/locality=erdington/);
    expect(page.url()).toContain("period=quarter");
    const onPage = await tableText(page, "By hub");
    expect(onPage[1][0]).toBe("Erdington Family Hub");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: 'Download "By hub" (CSV)' }).click()]);
    const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const parsed = csv
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(",").map((c) => c.replace(/^"|"$/g, "")));
    expect(parsed).toEqual(onPage);
    expect(await axeViolations(page), "narrowed report").toEqual([]);
    await context.close();
  });

  it("answers last term's Erdington stay-and-play reach, and where searches found nothing, in three clicks", async () => {
    const context = await browser.newContext({ viewport: LAPTOP, extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.91" } });
    const page = await context.newPage();
    await signIn(page, "erdington.manager@example.org");
    await page.getByRole("link", { name: "Reports" }).click(); // 1
    await page.getByRole("heading", { level: 1 }).filter({ hasText: "Reports" }).waitFor();
    await hydrated(page);
    await page.getByRole("link", { name: "Last term" }).click(); // 2
    await page.waitForURL(/period=term/);
    await hydrated(page);
    await page.getByRole("link", { name: "Stay and play" }).first().click(); // 3
    await page.waitForURL(/type=stay-and-play/);
    // The families who came (registers and walk-ins) from the 20% most deprived areas, as the database has them.
    const db = openDatabase(site.dbFile);
    const term = db.$client
      .prepare(
        `SELECT start_date AS s, end_date AS e FROM term_dates WHERE name = 'Autumn term 1' AND local_authority_id = (SELECT id FROM local_authorities WHERE slug = 'birmingham')`,
      )
      .get() as { s: string; e: string };
    const scope = `FROM occurrences o JOIN session_series s ON s.id = o.series_id JOIN venues v ON v.id = s.venue_id JOIN session_types st ON st.id = s.type_id
      WHERE v.slug = 'erdington-family-hub' AND st.slug = 'stay-and-play' AND o.date BETWEEN ? AND ?`;
    const came = db.$client
      .prepare(
        `SELECT SUM(d IS NOT NULL) AS placed, SUM(d <= 2) AS deprived FROM (
           SELECT b.home_imd_decile AS d FROM attendance a JOIN bookings b ON b.id = a.booking_id JOIN occurrences o2 ON o2.id = a.occurrence_id
            WHERE a.status = 'attended' AND o2.id IN (SELECT o.id ${scope})
           UNION ALL SELECT w.home_imd_decile FROM walk_ins w WHERE w.occurrence_id IN (SELECT o.id ${scope}))`,
      )
      .get(term.s, term.e, term.s, term.e) as { placed: number; deprived: number };
    db.$client.close();
    expect(came.placed).toBeGreaterThanOrEqual(5);
    const expected = `${((came.deprived / came.placed) * 100).toFixed(1)}%`;
    const headline = page.locator(".govuk-summary-list__row", { hasText: "Families who came from the 20% most deprived areas" });
    expect((await headline.locator("dd").textContent())?.trim()).toBe(expected);
    await page.getByRole("heading", { name: "Searches that found nothing", exact: true }).waitFor();
    await context.close();
  });

  it("works with JavaScript off", async () => {
    const context = await browser.newContext({
      viewport: LAPTOP,
      javaScriptEnabled: false,
      extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.92" },
    });
    const page = await context.newPage();
    await signIn(page, "admin@example.org");
    await page.goto(`${site.url}/staff/reports`);
    await page.locator("#period").selectOption("custom");
    await page.locator("#from").fill("2026-09-02");
    await page.locator("#to").fill("2026-10-23");
    await page.locator("#locality").selectOption("erdington");
    await page.getByRole("button", { name: "Show report" }).click();
    await page.waitForURL(/from=2026-09-02/);
    const hubs = await tableText(page, "By hub");
    expect(hubs.map((r) => r[0])).toContain("Erdington Family Hub");
    // A bad date is a message by its field, not an error page.
    await page.locator("#to").fill("2026-08-01");
    await page.getByRole("button", { name: "Show report" }).click();
    await page.locator(".govuk-error-summary").waitFor();
    expect(await page.locator("#to-error").textContent()).toContain("The last date must be the same as or after the first date");
    await context.close();
  });
});
