// Starts the built site on a copy of the template database and drives Debian's Chromium.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { BASE_DB, ROOT, TEST_NOW, TMP_DIR } from "../setup/constants";
import { serveBuilt } from "../support/serve";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const PHONE = { width: 390, height: 844 };
export const ARTIFACTS = path.join(ROOT, "tests/artifacts");

export type Site = {
  url: string;
  dbFile: string;
  /** Stops the server and removes its database. */
  stop: () => Promise<void>;
  /** Kills the server at once (SIGKILL), leaving the database as a crash would. */
  kill: () => Promise<void>;
};

/** The built site on its own copy of the template database, at the tests' fixed clock. */
export async function startSite(extraEnv: Record<string, string> = {}): Promise<Site> {
  const dbFile = path.join(TMP_DIR, `e2e-${process.pid}-${Date.now()}.db`);
  fs.copyFileSync(BASE_DB, dbFile);
  const served = await serveBuilt(dbFile, { NOW: TEST_NOW, ...extraEnv });
  return {
    url: served.url,
    dbFile,
    kill: served.kill,
    stop: async () => {
      await served.stop();
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
    },
  };
}

/**
 * For one test file: starts the site (with any extra environment) and a browser before its tests,
 * hands both over, and stops them after the last test.
 */
export function useSiteAndBrowser(extraEnv: Record<string, string>, ready: (site: Site, browser: Browser) => void) {
  let site: Site | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    site = await startSite(extraEnv);
    const launched = await launchBrowser();
    close = launched.close;
    ready(site, launched.browser);
  });
  afterAll(async () => {
    await close?.();
    await site?.stop();
  });
}

export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium).`);
  }
  // playwright gives every launch a fresh, empty profile (--user-data-dir) and removes it after.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** Runs axe-core in the page and returns its violations (id, impact, nodes). */
/**
 * Waits until React has hydrated the page (the root stops recording early taps then), so a tap on
 * a link is handled by the router, as a person's tap on a settled page would be. Pages that ship no
 * framework JavaScript never record taps, and pass at once.
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => (window as { __earlyClicks?: unknown }).__earlyClicks === undefined);
}

export async function axeViolations(page: Page) {
  const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
  // govern (an inline <script> tag would be refused: it has no nonce). No bypassCSP needed.
  await page.evaluate(source);
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
    }));
  });
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
