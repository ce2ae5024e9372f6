// Family voice, as a parent and a hub manager would try it: a parent on a phone, reading Urdu, with
// JavaScript off, tells the hub what they think and asks to hear back; the manager tags it with a
// theme, publishes "you said, we did", the parent's message is in the outbox in Urdu, and the entry
// is on the hub page. axe on the form, the staff pages and the hub page.
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-staff";
import { ARTIFACTS, axeViolations, PHONE, screenshot, type Site, useSiteAndBrowser } from "./harness";

let site: Site;
let browser: Browser;
useSiteAndBrowser({ TRUST_PROXY: "true" }, (s, b) => {
  site = s;
  browser = b;
});

const HUB = "erdington-family-hub";
const EMAIL = "urdu.parent.e2e@example.org";

async function accessible(page: Page, label: string) {
  expect(await axeViolations(page), label).toEqual([]);
}

/**
 * axe runs as script in the page, which a context with JavaScript off cannot run: the parent's
 * pages are checked by opening the same address in a phone context with JavaScript on.
 */
async function accessibleWithScript(url: string, label: string, then?: (page: Page) => Promise<void>) {
  const ctx = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.202" },
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  // A new context has no language cookie: ask for Urdu in the address.
  const address = new URL(url);
  address.searchParams.set("lng", "ur");
  await page.goto(address.toString());
  await accessible(page, label);
  if (then) await then(page);
  await ctx.close();
}

describe("you said, we did", () => {
  it("feedback from an Urdu-reading parent with JavaScript off reaches the hub and comes back to them", async () => {
    const parent = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      javaScriptEnabled: false,
      extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.201" },
    });
    const phone = await parent.newPage();
    phone.setDefaultTimeout(15_000);
    await phone.goto(`${site.url}/hubs/${HUB}?lng=ur`);
    expect(await phone.locator("html").getAttribute("dir")).toBe("rtl");
    await accessibleWithScript(phone.url(), "hub page (ur)");
    await phone.getByRole("link", { name: "ہمیں اپنی رائے بتائیں" }).click();
    await phone.waitForURL(new RegExp(`/hubs/${HUB}/feedback$`));
    await phone.locator("form#feedback-form").waitFor();
    await screenshot(phone, "feedback-form-ur-390x844");
    // What the phone's screen shows first, not only the whole page.
    await phone.screenshot({ path: path.join(ARTIFACTS, "feedback-form-ur-390x844-screen.png") });
    await accessibleWithScript(phone.url(), "feedback form (ur)", async (page) => {
      await page.getByRole("button", { name: "رائے بھیجیں" }).click();
      await page.locator(".govuk-error-summary").waitFor();
      await accessible(page, "feedback form with errors (ur)");
    });

    // Nothing chosen and email asked for without an address: the summary says so, in Urdu.
    await phone.getByLabel("ہاں، ای میل کے ذریعے").check();
    await phone.getByRole("button", { name: "رائے بھیجیں" }).click();
    await phone.locator(".govuk-error-summary").waitFor();
    await expect(phone.locator(".govuk-error-summary").innerText()).resolves.toContain("چنیں کہ یہ کیسا رہا");
    await screenshot(phone, "feedback-form-errors-ur-390x844");

    await phone.getByLabel("بہت اچھا").check();
    await phone.getByLabel("کیا بہتر ہو سکتا ہے؟").fill("ہال بہت ٹھنڈا تھا");
    await phone.locator("#wishDay").selectOption("sat");
    await phone.getByLabel("ہاں، ای میل کے ذریعے").check();
    await phone.getByLabel("ای میل پتہ").fill(EMAIL);
    await phone.getByRole("button", { name: "رائے بھیجیں" }).click();
    await phone.waitForURL(/\/feedback\?sent=1$/);
    await phone.locator(".govuk-panel--confirmation").waitFor();
    await accessibleWithScript(phone.url(), "thank you (ur)");

    // The manager reads it, tags it and answers it.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.201" } });
    const page = await desk.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${site.url}/staff/sign-in?next=/staff/feedback`);
    await page.getByLabel("Email address").fill("erdington.manager@example.org");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/staff\/feedback$/);
    await accessible(page, "/staff/feedback");
    const item = page.locator(".app-feedback-item", { hasText: "ہال بہت ٹھنڈا تھا" });
    await item.getByRole("link").click();
    await page.waitForURL(/\/staff\/feedback\/\d+$/);
    await accessible(page, "/staff/feedback/:id");
    await page.getByLabel("The building").check();
    await page.getByRole("button", { name: "Save themes" }).click();
    await page.waitForURL(/\?done=tagged$/);
    await page.getByText("Themes saved.").waitFor();

    await page.goto(`${site.url}/staff/hubs/${HUB}/you-said-we-did`);
    await accessible(page, "you said, we did (staff)");
    await page.locator("#choose-theme").selectOption({ label: "The building" });
    await page.getByRole("button", { name: "Show feedback on this theme" }).click();
    await page.waitForURL(/\?theme=\d+$/);
    // A client-side navigation: the address changes before the new list is drawn, so wait for the list.
    const linked = page.locator("input[name=feedback]");
    await expect.poll(() => linked.count()).toBe(1);
    await expect(linked.first().isChecked()).resolves.toBe(true);
    await page.getByLabel("You said", { exact: true }).fill("The hall was too cold");
    await page.getByLabel("We did", { exact: true }).fill("We fixed the heating and added rugs");
    await accessible(page, "you said, we did (publishing)");
    await page.getByRole("button", { name: "Publish and tell families" }).click();
    await page.waitForURL(/done=published&told=1/);
    await page.getByText("Published. 1 family is being told.").waitFor();

    // The parent's message waits in the outbox, in Urdu.
    await page.goto(`${site.url}/staff/outbox?template=we-did`);
    const row = page.locator("tr", { hasText: EMAIL });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.innerText()).resolves.toContain("Urdu");
    // The message itself (behind "View"), in Urdu with the manager's words in it.
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).toContain("آپ نے کہا: The hall was too cold");
    expect(text).toContain("ہم نے کیا: We fixed the heating and added rugs");
    await accessible(page, "outbox");
    await desk.close();

    // The hub page shows it to every family, the manager's words marked as English.
    await phone.goto(`${site.url}/hubs/${HUB}?lng=ur`);
    const entry = phone.locator("#you-said-we-did + p + ul li").first();
    await expect(entry.locator("dd[lang=en]").first().innerText()).resolves.toBe("The hall was too cold");
    await expect(phone.locator("body").innerText()).resolves.not.toContain("ہال بہت ٹھنڈا تھا");
    await screenshot(phone, "hub-you-said-we-did-ur-390x844");
    await accessibleWithScript(phone.url(), "hub page with you said, we did (ur)");
    await parent.close();
  }, 120_000);
});
