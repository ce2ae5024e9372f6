// Issue 14's journey cost: a parent on a 390 × 844 phone goes from the home page to a confirmed
// stay-and-play this week, and we count what it cost them. Shared by the browser test
// (tests/e2e/journey-cost.test.ts, which asserts the targets) and `npm run bench` (which prints it).
//
// Counted as taps: every press on a link, button, select or tick box. Typing into a field (the
// postcode, a first name, the contact) is listed as "typed", not as a tap. Scrolling: for each
// control, how far the page must move so the whole control is on screen, added up over the walk.
import type { Browser, Locator } from "playwright-core";

export const JOURNEY_VIEWPORT = { width: 390, height: 844 };
export const TAP_TARGET = 6;
export const SCROLL_TARGET_SCREENS = 2;

export type Action = { page: string; what: string; kind: "tap" | "typed" | "read"; scrolled: number; first: boolean };
export type JourneyCost = {
  lng: string;
  javaScript: boolean;
  actions: Action[];
  taps: number;
  scrolled: number;
  reference: string;
  /** Each page's first action that needed scrolling to reach (the target is none). */
  firstActionsBelowFold: string[];
};

const MARGIN = 8;

/** Scrolls just enough to bring the control wholly on screen, and says how far that was. */
async function reach(locator: Locator): Promise<number> {
  await locator.waitFor({ state: "visible" });
  return locator.evaluate((el, margin) => {
    const rect = el.getBoundingClientRect();
    let delta = 0;
    if (rect.bottom > window.innerHeight) delta = rect.bottom - window.innerHeight + margin;
    else if (rect.top < 0) delta = rect.top - margin;
    window.scrollBy({ top: delta, behavior: "instant" });
    return Math.round(Math.abs(delta));
  }, MARGIN);
}

export async function walkJourney(
  browser: Browser,
  base: string,
  /** clientAddress: sent as X-Forwarded-For, for a site that trusts it (rate limits are per address). */
  opts: { lng: string; javaScript: boolean; contact: string; clientAddress?: string },
): Promise<JourneyCost> {
  const context = await browser.newContext({
    viewport: JOURNEY_VIEWPORT,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: opts.javaScript,
    ...(opts.clientAddress ? { extraHTTPHeaders: { "X-Forwarded-For": opts.clientAddress } } : {}),
  });
  const page = await context.newPage();
  const actions: Action[] = [];
  let pageName = "";
  let firstOnPage = true;
  const onPage = (name: string) => {
    pageName = name;
    firstOnPage = true;
  };
  const act = async (locator: Locator, what: string, kind: Action["kind"], run: () => Promise<unknown>) => {
    const scrolled = await reach(locator);
    actions.push({ page: pageName, what, kind, scrolled, first: firstOnPage });
    firstOnPage = false;
    await run();
  };
  const tap = (locator: Locator, what: string) => act(locator, what, "tap", () => locator.click());
  const type = (locator: Locator, what: string, text: string) => act(locator, what, "typed", () => locator.fill(text));
  const settle = async (url: RegExp) => {
    await page.waitForURL(url);
    await page.waitForLoadState("load");
  };

  try {
    onPage("home");
    await page.goto(`${base}/?lng=${opts.lng}`);
    await type(page.locator("#postcode"), "postcode", "B23 6SY");
    await tap(page.locator("button[data-quick=stay-and-play]"), "quick search: stay and play this week");
    await settle(/\/search\?/);

    onPage("results");
    // The first result a family can book (drop-in ones need no booking at all).
    const card = page.locator(".app-card", { has: page.locator("a[data-card-action][href*='/book']") }).first();
    await tap(card.locator(".app-card__title a"), "the first bookable result");
    await settle(/\/sessions\/\d+$/);

    onPage("session");
    await tap(page.locator("a[data-next-book]").first(), "Book on the next date");
    await settle(/\/book\?occurrence=\d+/);

    onPage("booking form");
    const age = page.locator("#child1");
    const firstAge = await age.locator("option:not([value=''])").first().getAttribute("value");
    await act(age, "child's age", "tap", () => age.selectOption(firstAge ?? ""));
    await type(page.locator("#name"), "first name", "Amina");
    await type(page.locator("#contact"), "email or mobile", opts.contact);
    // A thumb lands on the drawn box or its words: both are the label.
    await tap(page.locator("label[for=consent]"), "consent");
    if (!(await page.locator("#consent").isChecked())) throw new Error("the consent box did not tick");
    await tap(page.locator("form#book-form button[type=submit]"), "Book");
    await settle(/\/bookings\/FH-[A-Z0-9]{6}\?token=/);

    onPage("confirmation");
    const reference = page.locator(".govuk-panel--confirmation strong");
    await act(reference, "the booking reference", "read", async () => undefined);
    const taps = actions.filter((a) => a.kind === "tap").length;
    return {
      lng: opts.lng,
      javaScript: opts.javaScript,
      actions,
      taps,
      scrolled: actions.reduce((sum, a) => sum + a.scrolled, 0),
      reference: (await reference.innerText()).trim(),
      firstActionsBelowFold: actions.filter((a) => a.first && a.scrolled > 0).map((a) => `${a.page}: ${a.what}`),
    };
  } finally {
    await context.close();
  }
}

export function describeJourney(cost: JourneyCost): string {
  const screens = (cost.scrolled / JOURNEY_VIEWPORT.height).toFixed(2);
  const perPage = [...new Set(cost.actions.map((a) => a.page))].map((p) => {
    const on = cost.actions.filter((a) => a.page === p);
    return `${p} ${on.filter((a) => a.kind === "tap").length} tap(s)/${on.reduce((s, a) => s + a.scrolled, 0)} px`;
  });
  return (
    `${cost.lng}, JavaScript ${cost.javaScript ? "on " : "off"}: ${cost.taps} taps, ${cost.scrolled} px scrolled (${screens} screens)` +
    `${cost.firstActionsBelowFold.length ? `, FIRST ACTION BELOW THE FOLD: ${cost.firstActionsBelowFold.join("; ")}` : ""} — ${perPage.join(", ")}`
  );
}
