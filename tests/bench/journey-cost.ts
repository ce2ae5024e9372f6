// `npm run bench` prints the journey cost (tests/support/journey.ts) against the site page-weight
// started: taps and pixels scrolled from home to a booked stay-and-play, per language and JavaScript.
import { chromium } from "playwright-core";
import { describeJourney, JOURNEY_VIEWPORT, SCROLL_TARGET_SCREENS, TAP_TARGET, walkJourney } from "../support/journey";

export async function printJourneyCost(base: string): Promise<boolean> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  let ok = true;
  try {
    console.log(
      `journey cost, home to a booked stay-and-play this week at 390×844 (target ≤ ${TAP_TARGET} taps, ≤ ${SCROLL_TARGET_SCREENS} screens):`,
    );
    for (const javaScript of [true, false]) {
      for (const lng of ["en", "ur"]) {
        const cost = await walkJourney(browser, base, { lng, javaScript, contact: `bench-journey-${lng}-${javaScript}@example.org` });
        const within =
          cost.taps <= TAP_TARGET &&
          cost.scrolled <= SCROLL_TARGET_SCREENS * JOURNEY_VIEWPORT.height &&
          cost.firstActionsBelowFold.length === 0;
        if (!within) ok = false;
        console.log(`  ${describeJourney(cost)}${within ? "" : "  OVER THE TARGET"}`);
      }
    }
  } finally {
    await browser.close();
  }
  return ok;
}
