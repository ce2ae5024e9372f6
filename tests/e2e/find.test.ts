// A parent on a phone: home → postcode and age band → nearest sessions → a session page.
import type { Browser, BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, PHONE, screenshot, useSiteAndBrowser, type Site } from "./harness";

let site: Site;
let browser: Browser;
useSiteAndBrowser({}, (s, b) => {
  site = s;
  browser = b;
});

async function phone(options: { javaScriptEnabled?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? "en-GB",
  });
}

function milesIn(text: string) {
  const m = text.match(/([\d.]+) miles? away/);
  return m ? Number(m[1]) : NaN;
}

describe("finding a session", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`works from the home page to a session page (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const context = await phone({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(site.url + "/");
      await page.getByLabel("Your postcode").fill("b23 6sy");
      await page.getByLabel("Your child's age").selectOption("0-1");
      await Promise.all([page.waitForURL(/\/search\?/), page.getByRole("button", { name: "Search" }).click()]);
      expect(page.url()).toContain("postcode=b23+6sy");
      expect(page.url()).toContain("age=0-1");
      await expect.poll(() => page.locator("ol.app-results > .app-result").count()).toBeGreaterThan(3);
      const status = await page.getByRole("status").innerText();
      expect(status).toContain("near B23 6SY");

      const cards = page.locator("ol.app-results > .app-result");
      const texts = await cards.allInnerTexts();
      const miles = texts.map(milesIn);
      expect(miles.every((m) => !Number.isNaN(m))).toBe(true);
      expect(miles).toEqual([...miles].sort((a, b) => a - b));
      expect(texts[0]).toContain("Erdington");
      if (javaScriptEnabled) await screenshot(page, "results-en-phone");

      // The link's name also says where and when (visually hidden); the title is its [lang] part.
      const firstTitle = (await cards.first().locator("a [lang]").first().innerText()).trim();
      await Promise.all([page.waitForURL(/\/sessions\/\d+/), cards.first().getByRole("link").first().click()]);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(firstTitle);
      expect(await page.getByRole("table").count()).toBe(1);
      await context.close();
    });
  }

  it("loads the map only when asked, without fetching tiles", async () => {
    const context = await phone();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(site.url + "/search?postcode=B23+6SY&age=0-1");
    await page.getByRole("button", { name: "Show map" }).waitFor();
    expect(await page.locator(".leaflet-container").count()).toBe(0);
    const before = requests.length;
    await page.getByRole("button", { name: "Show map" }).click();
    await page.locator(".leaflet-container").waitFor();
    // One marker per place, however many of its sessions are listed.
    const markers = page.locator(".app-map-marker");
    const places = new Set(await page.locator("ol.app-results .app-card bdi").allInnerTexts());
    expect(await markers.count()).toBe(places.size);
    // The map's code arrived only after the click.
    expect(requests.slice(before).some((u) => /\.js(\?|$)/.test(u))).toBe(true);
    expect(requests.every((u) => u.startsWith(site.url))).toBe(true);

    // Keyboard: a marker takes focus, says where it is, and Enter lands on the place's sessions.
    await markers.first().focus();
    const place = (await markers.first().innerText()).trim();
    expect(places.has(place)).toBe(true);
    await page.keyboard.press("Enter");
    await page.locator(".leaflet-popup").waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest(".leaflet-popup") !== null && document.activeElement?.tagName))
      .toBe("A");
    expect(await page.locator(".leaflet-popup-content").innerText()).toContain(place);
    // Measured once Leaflet's zoom animation has finished (mid-zoom the marker is scaled down).
    const size = async () => (await markers.first().boundingBox())!;
    await expect.poll(async () => (await size()).width).toBeGreaterThanOrEqual(24);
    await expect.poll(async () => (await size()).height).toBeGreaterThanOrEqual(24);
    // Leaflet fades the popup in; measured mid-fade its links would fail contrast.
    await expect.poll(() => page.locator(".leaflet-popup").evaluate((el) => getComputedStyle(el).opacity)).toBe("1");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("opens the map for a tap made before the page's JavaScript has arrived", async () => {
    const context = await phone();
    const page = await context.newPage();
    // Hold the page's scripts back until the tap has happened, as on a slow phone connection.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/build\/.*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // Module scripts hold back DOMContentLoaded too, so wait for the button itself.
    await page.goto(site.url + "/search?postcode=B23+6SY&age=0-1", { waitUntil: "commit" });
    await page.getByRole("button", { name: "Show map" }).click();
    release();
    await page.locator(".leaflet-container").waitFor();
    expect(await page.getByRole("button", { name: "Hide map" }).getAttribute("aria-expanded")).toBe("true");
    await context.close();
  });

  it("puts the map's controls on the reading side, in the page's language", async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(site.url + "/search?postcode=B23+6SY&age=0-1&lng=ur");
    await page.locator(".app-map-panel button").click();
    await page.locator(".leaflet-container").waitFor();
    expect(await page.locator(".leaflet-top.leaflet-right .leaflet-control-zoom").count()).toBe(1);
    expect(await page.locator(".leaflet-control-zoom-in").getAttribute("title")).toBe("بڑا کریں");
    await page.locator(".app-map-marker").first().focus();
    await page.keyboard.press("Enter");
    await page.locator(".leaflet-popup").waitFor();
    expect(await page.locator(".leaflet-popup-close-button").getAttribute("aria-label")).toBe("بند کریں");
    await screenshot(page, "map-ur-phone");
    await context.close();
  });

  it("explains a postcode that is not real, by the field", async () => {
    const context = await phone({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(site.url + "/search?postcode=hello");
    expect(response?.status()).toBe(400);
    expect(await page.title()).toMatch(/^Error: /);
    const summary = page.locator(".govuk-error-summary");
    expect(await summary.innerText()).toContain("Enter a real UK postcode");
    expect(await page.locator("#postcode-error").innerText()).toContain("Enter a real UK postcode");
    const unknown = await page.goto(site.url + "/search?postcode=ZZ99+9ZZ");
    expect(unknown?.status()).toBe(400);
    expect(await page.locator("#postcode-error").innerText()).toContain("We cannot find that postcode");
    await context.close();
  });
});

describe("accessibility (axe) on a phone", () => {
  const pages = ["/", "/search?postcode=B23+6SY&age=0-1", "/search?postcode=hello", "/hubs", "/about-the-data", "/accessibility", "/privacy"];

  for (const lng of ["en", "ur", "pl", "ar"]) {
    it(`has no violations in ${lng}`, async () => {
      const context = await phone();
      const page = await context.newPage();
      // Hub, session and locality pages come from the results, so real slugs are used.
      await page.goto(`${site.url}/search?postcode=B23+6SY&lng=${lng}`);
      const sessionHref = await page.locator(".app-result a").first().getAttribute("href");
      await page.goto(`${site.url}${sessionHref}`);
      const hubHref = await page.locator("a[data-link=hub]").getAttribute("href");
      const localityHref = await page.locator("a[data-link=locality]").getAttribute("href");
      const all = [
        ...pages,
        sessionHref,
        `${sessionHref}/book`,
        `${sessionHref}/share`,
        hubHref,
        `${hubHref}/share`,
        `${hubHref}/timetable/print`,
        `${hubHref}/timetable/month`,
        localityHref,
        `${localityHref}/timetable/print`,
        `/share?search=${encodeURIComponent("/search?postcode=B23 6SY&age=0-1")}`,
        "/no-such-page",
      ];
      for (const path of all) {
        await page.goto(`${site.url}${path}${path?.includes("?") ? "&" : "?"}lng=${lng}`);
        expect(await page.getAttribute("html", "lang")).toBe(lng);
        expect(await page.getAttribute("html", "dir")).toBe(lng === "ur" || lng === "ar" ? "rtl" : "ltr");
        const violations = await axeViolations(page);
        expect(violations, `${lng} ${path}`).toEqual([]);
      }
      await screenshot(page, `not-found-${lng}`);
      await page.goto(`${site.url}/search?postcode=B23+6SY&age=0-1&lng=${lng}`);
      await screenshot(page, `results-${lng}-phone`);
      await page.goto(`${site.url}${hubHref}?lng=${lng}`);
      await screenshot(page, `hub-${lng}-phone`);
      await context.close();
    });
  }
});
