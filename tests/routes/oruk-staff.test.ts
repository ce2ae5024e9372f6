// Staff and feeds: an imported series says where it came from and its feed-owned fields cannot be
// changed; the scheduled refresh records each run (imported or failed) for the feeds page.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importFeed } from "~/oruk/import/apply.server";
import { servicesFromJson } from "~/oruk/import/feed.server";
import { lastFeedRuns, refreshFeed } from "~/oruk/import/refresh.server";
import { action as seriesAction, loader as seriesLoader } from "~/routes/staff.series.$id";
import { loader as feedsLoader } from "~/routes/staff.feeds";
import { getDb } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { TEST_NOW, TEST_TODAY, TMP_DIR } from "../setup/constants";
import { staffRequest } from "./staff-helpers";

const clock = { date: TEST_TODAY, time: "08:00", iso: TEST_NOW };
const SOURCE = "https://council.example/api";

const service = (name: string) =>
  servicesFromJson(
    {
      id: "svc-9",
      name,
      status: "active",
      organization: { name: "Birmingham" },
      schedules: [{ freq: "WEEKLY", byday: "MO", opens_at: "13:00", closes_at: "14:00", valid_from: "2026-09-01" }],
      service_at_locations: [{ location: { id: "loc-9", name: "Erdington Library", latitude: 52.5234, longitude: -1.8402 } }],
    },
    "test",
  );

describe("feeds for staff", () => {
  it("marks an imported series and refuses to change what the feed owns", async () => {
    const db = getDb();
    importFeed(db, SOURCE, service("Rhyme Time"), { dryRun: false, clock, horizonWeeks: 12 });
    const { id } = db.$client.prepare("SELECT id FROM session_series WHERE feed_id = 'svc-9'").get() as { id: number };
    const page = await seriesLoader({ request: await staffRequest("admin", `/staff/series/${id}`), params: { id: String(id) }, context: {} });
    const data = await page.json();
    expect(data.feed).toEqual({ source: SOURCE, withdrawnAt: null });
    const form = {
      intent: "save",
      ...Object.fromEntries(Object.entries(data.values).map(([k, v]) => [k, String(v)])),
      title: "Renamed by staff",
    };
    const refused = await seriesAction({
      request: await staffRequest("admin", `/staff/series/${id}`, { form }),
      params: { id: String(id) },
      context: {},
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors.form).toContain(SOURCE);
    expect((db.$client.prepare("SELECT title FROM session_series WHERE id = ?").get(id) as { title: string }).title).toBe("Rhyme Time");
    // A series staff made themselves has no feed.
    const own = await seriesLoader({ request: await staffRequest("admin", "/staff/series/1"), params: { id: "1" }, context: {} });
    expect((await own.json()).feed).toBeNull();
  });

  it("records the last run of each feed, imported or failed, and shows it to administrators", async () => {
    const db = getDb();
    const good = path.join(TMP_DIR, `feed-${process.pid}.json`);
    const bad = path.join(TMP_DIR, `feed-bad-${process.pid}.json`);
    fs.writeFileSync(good, JSON.stringify(service("Rhyme Time at the library")));
    fs.writeFileSync(bad, "<html>");
    try {
      const ok = await refreshFeed(db, good);
      expect(ok.ok && ok.report.created).toBe(1);
      const failed = await refreshFeed(db, bad);
      expect(failed).toMatchObject({ ok: false, error: `${bad} is not JSON` });
      const runs = lastFeedRuns(db);
      expect(runs.map((r) => [r.source, r.ok])).toEqual(
        expect.arrayContaining([
          [good, true],
          [bad, false],
        ]),
      );
      const page = await feedsLoader({ request: await staffRequest("admin", "/staff/feeds"), params: {}, context: {} });
      const data = await page.json();
      const row = data.rows.find((r: { source: string }) => r.source === good);
      expect(row?.counts).toMatchObject({ services: 1, created: 1 });
      expect(data.rows.find((r: { source: string }) => r.source === bad)?.error).toBe(`${bad} is not JSON`);
    } finally {
      fs.rmSync(good, { force: true });
      fs.rmSync(bad, { force: true });
    }
  });

  it("reads the feeds to refresh from ORUK_FEEDS, off by default", () => {
    expect(parseEnv({}).ORUK_FEEDS).toEqual([]);
    expect(parseEnv({ ORUK_FEEDS: "https://a.example/api, data/feed.json" }).ORUK_FEEDS).toEqual(["https://a.example/api", "data/feed.json"]);
    expect(() => parseEnv({ ORUK_FEEDS: "ftp://a.example/feed" })).toThrow(/ORUK_FEEDS/);
    expect(() => parseEnv({ ORUK_REFRESH_MINUTES: "1" })).toThrow(/ORUK_REFRESH_MINUTES/);
  });
});
