// Searches that found nothing are counted as unmet demand only when a person asked for them:
// crawlers and speculative prefetches leave search_misses alone (issue 11, item 2).
import { describe, expect, it } from "vitest";
import { loader as searchLoader } from "~/routes/search/route";
import { getDb } from "~/utils/db.server";

const db = getDb();
const misses = () => (db.$client.prepare(`SELECT COUNT(*) AS n FROM search_misses`).get() as { n: number }).n;
// No SEND sessions for pregnant parents in Coventry on a Sunday evening: nothing found.
const NOTHING = "http://localhost/search?postcode=CV1%205FB&age=pregnancy&type=send&day=sun&time=evening";
const PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

async function search(headers: Record<string, string>) {
  const response = await searchLoader({ request: new Request(NOTHING, { headers }), params: {}, context: {} });
  // The page is the same for everyone: only the count differs.
  expect((response as Response).status).toBe(200);
}

describe("searches that found nothing", () => {
  it("count a family's search on a phone", async () => {
    const before = misses();
    await search({ "user-agent": PHONE });
    expect(misses()).toBe(before + 1);
  });

  it("do not count a crawler's", async () => {
    const before = misses();
    await search({ "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" });
    await search({ "user-agent": "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)" });
    expect(misses()).toBe(before);
  });

  it("do not count a page fetched ahead in case it is opened", async () => {
    const before = misses();
    await search({ "user-agent": PHONE, "sec-purpose": "prefetch" });
    await search({ "user-agent": PHONE, "sec-purpose": "prefetch;prerender" });
    await search({ "user-agent": PHONE, purpose: "prefetch" });
    expect(misses()).toBe(before);
    await search({ "user-agent": PHONE });
    expect(misses()).toBe(before + 1);
  });
});
