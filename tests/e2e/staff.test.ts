// A hub worker on a tablet: sign in, add a weekly term-time series, see it in public search,
// a family books it, the worker cancels one date, and the family's message is in the outbox.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { DEMO_PASSWORD } from "../../db/seed/demo-staff";
import { createConnection } from "~/models/connection.server";
import { submitFeedback } from "~/models/feedback.server";
import { axeViolations, screenshot, type Site, useSiteAndBrowser } from "./harness";
import { ROOT } from "../setup/constants";

const TABLET = { width: 820, height: 1180 };
const TITLE = "Tuesday Toddler Tumble (test)";

let site: Site;
let browser: Browser;
useSiteAndBrowser({ TRUST_PROXY: "true" }, (s, b) => {
  site = s;
  browser = b;
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
    // The card's title link (its "Book" link names the session too).
    await parent.locator(".app-card__title a", { hasText: TITLE }).click();
    await parent.waitForURL(/\/sessions\/\d+$/);
    await parent.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    // Term time only: nothing in the Christmas holidays.
    const dates = await parent.locator("table tbody tr td:first-child").allInnerTexts();
    expect(dates.some((d) => d.includes("29 December"))).toBe(false);
    expect(dates[0]).toContain("24 November");
    await parent.locator("table a[href*='/book?occurrence=']").nth(1).click();
    await parent.locator("#child1").selectOption("24");
    await parent.locator("#name").fill("Bola");
    await parent.locator("#contact").fill("bola@example.org");
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

  it("has no accessibility violations on any staff page", async () => {
    const context = await browser.newContext({ viewport: TABLET, extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.90" } });
    const page = await context.newPage();
    await page.goto(`${site.url}/staff/sign-in`);
    await accessible(page, "/staff/sign-in");
    await page.getByLabel("Email address").fill("admin@example.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/staff$/);

    // Real ids from the running site; a connection request is written straight to its database.
    const db = openDatabase(site.dbFile);
    const hub = db.$client.prepare("SELECT id FROM venues WHERE slug = 'erdington-family-hub'").get() as { id: number };
    const outreach = db.$client.prepare("SELECT id FROM users WHERE role = 'outreach' LIMIT 1").get() as { id: number };
    const connectionId = createConnection(db, outreach, {
      venueId: hub.id,
      need: "Help finding a stay and play group",
      ageBand: "1-2",
      preferredLanguage: "ur",
      familyName: "Axe Sweep",
      phone: "+447700900123",
      email: null,
      contactMethod: "text",
      bestTimes: "",
    });
    const userId = (db.$client.prepare("SELECT id FROM users WHERE role = 'hub-staff' LIMIT 1").get() as { id: number }).id;
    const feedback = submitFeedback(
      db,
      {
        venueId: hub.id,
        seriesId: null,
        rating: 4,
        good: "Axe sweep",
        better: "",
        wishType: "send",
        wishDay: "sat",
        wishTime: "morning",
        wishNotes: "",
        ageBand: "2-3",
        language: "en",
        contact: null,
      },
      new Date().toISOString(),
    );
    const feedbackId = feedback.kind === "saved" ? feedback.id : 0;
    db.$client.close();
    await page.goto(`${site.url}/staff/hubs/erdington-family-hub/timetable`);
    const occurrenceHref = await page.locator("a[href^='/staff/occurrences/']").first().getAttribute("href");
    const seriesHref = (
      await page.locator("a[href^='/staff/series/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))
    ).find((href) => /^\/staff\/series\/\d+/.test(href));
    expect(occurrenceHref).toMatch(/^\/staff\/occurrences\/\d+$/);
    expect(seriesHref).toMatch(/^\/staff\/series\/\d+/);

    // Every staff page, by its route file (or folder): a new page without an entry here fails this test.
    const pages: Record<string, string[]> = {
      "staff._index.tsx": ["/staff"],
      "staff.audit.tsx": ["/staff/audit"],
      "staff.feeds.tsx": ["/staff/feeds"],
      "staff.connections._index.tsx": ["/staff/connections"],
      "staff.connections.new.tsx": ["/staff/connections/new"],
      "staff.connections.$id.tsx": [`/staff/connections/${connectionId}`],
      "staff.feedback._index.tsx": ["/staff/feedback", "/staff/feedback?hub=erdington-family-hub"],
      "staff.feedback.$id.tsx": [`/staff/feedback/${feedbackId}`],
      "staff.hubs.$slug.you-said-we-did.tsx": ["/staff/hubs/erdington-family-hub/you-said-we-did"],
      "staff.hubs.$slug.closures.tsx": ["/staff/hubs/erdington-family-hub/closures"],
      "staff.hubs.$slug.timetable.tsx": ["/staff/hubs/erdington-family-hub/timetable"],
      "staff.occurrences.$id._index.tsx": [occurrenceHref!],
      "staff.occurrences.$id.register": [`${occurrenceHref}/register`, `${occurrenceHref}/register?print=1`], // a folder: route.tsx and its parts
      "staff.outbox.tsx": ["/staff/outbox"],
      "staff.reports": ["/staff/reports", "/staff/reports?period=month&month=2026-10&lng=ar"], // a folder
      "staff.series.$id.tsx": [seriesHref!],
      "staff.series.$id_.translations.tsx": [`${seriesHref!.match(/^\/staff\/series\/\d+/)![0]}/translations`],
      "staff.series.new.tsx": ["/staff/series/new?venue=erdington-family-hub"],
      "staff.signposts.tsx": ["/staff/signposts"],
      "staff.term-dates.tsx": ["/staff/term-dates"],
      "staff.users._index.tsx": ["/staff/users"],
      "staff.users.new.tsx": ["/staff/users/new"],
      "staff.users.$id.tsx": [`/staff/users/${userId}`],
      "staff.sign-in.tsx": [], // checked above, signed out
    };
    // Not pages: the layout, sign-out (a form post) and the register's CSV download.
    const notPages = new Set(["staff.tsx", "staff.sign-out.tsx", "staff.occurrences.$id.register[.csv].ts", "staff.reports[.csv].ts"]);
    const routeFiles = fs.readdirSync(path.join(ROOT, "app/routes")).filter((f) => f.startsWith("staff") && !notPages.has(f));
    expect(
      routeFiles.filter((f) => !(f in pages)),
      "staff pages missing from the sweep",
    ).toEqual([]);

    for (const url of Object.values(pages).flat()) {
      const res = await page.goto(`${site.url}${url}`);
      expect(res?.status(), url).toBe(200);
      await accessible(page, url);
    }
    await context.close();
  }, 180_000); // some 25 pages, each checked by axe: over a minute on a busy two-core machine
});
