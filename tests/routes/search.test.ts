// The search loader against a real SQLite file holding the sample data.
import { describe, expect, it } from "vitest";
import { fitsAgeBand } from "~/domain/age-bands";
import { loader } from "~/routes/search/route";
import { getDb } from "~/utils/db.server";

/** What the page does not carry but a filter promises, read from the database itself. */
function facts(seriesId: number) {
  const row = getDb()
    .$client.prepare(
      `SELECT s.languages, v.step_free AS stepFree, v.kind, l.slug AS locality
         FROM session_series s JOIN venues v ON v.id = s.venue_id JOIN localities l ON l.id = v.locality_id
        WHERE s.id = ?`,
    )
    .get(seriesId) as { languages: string; stepFree: number; kind: string; locality: string };
  return { languages: row.languages.split(","), stepFree: row.stepFree === 1, kind: row.kind, locality: row.locality };
}

async function search(query: string, headers: Record<string, string> = {}) {
  const response = await loader({
    request: new Request(`http://localhost/search?${query}`, { headers }),
    params: {},
    context: {},
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, data: (await response.json()) as any };
}

describe("search loader", () => {
  it("orders sessions near B23 6SY by distance, Erdington first", async () => {
    const { status, data } = await search("postcode=b236sy&age=0-1");
    expect(status).toBe(200);
    expect(data.place).toBe("B23 6SY");
    expect(data.precision).toBe("unit");
    const results = data.outcome.results;
    expect(results.length).toBeGreaterThan(5);
    expect(facts(results[0].seriesId).locality).toBe("erdington");
    const distances = results.map((r: { distance: number }) => r.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.every((d: number) => d <= 10)).toBe(true);
    for (const r of results) expect(fitsAgeBand(r, "0-1")).toBe(true);
  });

  it("accepts a district on its own and says distances are approximate", async () => {
    const { data } = await search("postcode=B23");
    expect(data.place).toBe("B23");
    expect(data.precision).toBe("district");
    expect(facts(data.outcome.results[0].seriesId).locality).toBe("erdington");
  });

  it("pages through results 20 at a time without repeating any", async () => {
    const first = (await search("postcode=B23+6SY&distance=any")).data.outcome;
    const second = (await search("postcode=B23+6SY&distance=any&page=2")).data.outcome;
    expect(first.results).toHaveLength(20);
    expect(second.page).toBe(2);
    const ids = new Set(first.results.map((r: { seriesId: number }) => r.seriesId));
    for (const r of second.results) expect(ids.has(r.seriesId)).toBe(false);
    expect(second.results[0].distance).toBeGreaterThanOrEqual(first.results[19].distance);
  });

  it.each([
    ["type=stay-and-play", (r: Result) => r.typeSlug === "stay-and-play"],
    ["free=1", (r: Result) => r.costPence === 0],
    ["send=1", (r: Result) => r.sendFriendly],
    ["step=1", (r: Result) => facts(r.seriesId).stepFree || r.venue.kind === "online"],
    ["lang=ur", (r: Result) => facts(r.seriesId).languages.includes("ur")],
    ["day=sat", (r: Result) => new Date(r.next.date).getUTCDay() === 6],
    ["time=afternoon", (r: Result) => r.next.startTime >= "12:00" && r.next.startTime < "17:00"],
    ["age=pregnancy", (r: Result) => r.forPregnancy],
  ])("filters by %s", async (filter, holds) => {
    const { data } = await search(`postcode=B23+6SY&distance=any&${filter}`);
    const all = [...data.outcome.results, ...data.outcome.online];
    expect(all.length).toBeGreaterThan(0);
    for (const r of all) expect(holds(r), `${r.title}`).toBe(true);
    // The filter must actually narrow the list.
    const unfiltered = (await search("postcode=B23+6SY&distance=any")).data.outcome.total;
    expect(data.outcome.total).toBeLessThan(unfiltered);
  });

  it("searches a locality and lists only its sessions", async () => {
    const { data } = await search("locality=hodge-hill");
    expect(data.outcome.total).toBeGreaterThan(0);
    for (const r of data.outcome.results) expect(facts(r.seriesId).locality).toBe("hodge-hill");
  });

  it("keeps online sessions apart from the distance-ordered list", async () => {
    const { data } = await search("postcode=LE11+3TU&distance=any");
    expect(data.outcome.online.length).toBeGreaterThan(0);
    for (const r of data.outcome.results) expect(r.venue.kind).not.toBe("online");
  });

  it("lists the online sessions of councils near a search within a distance, and every council's at any distance", async () => {
    // Leicestershire's online hub: Hinckley is about 22 miles from B23, and every Leicestershire
    // locality is over 25 miles from B45.
    const near = (await search("postcode=B23+6SY&distance=10")).data.outcome;
    expect(near.onlineNearOnly).toBe(true);
    expect(near.onlineTotal).toBeGreaterThan(0);
    const far = (await search("postcode=B45&distance=10")).data.outcome;
    expect(far.onlineNearOnly).toBe(true);
    expect(far.total).toBeGreaterThan(0);
    expect(far.onlineTotal).toBe(0);
    const anywhere = (await search("postcode=B45&distance=any")).data.outcome;
    expect(anywhere.onlineNearOnly).toBe(false);
    expect(anywhere.onlineTotal).toBe(near.onlineTotal);
    for (const r of anywhere.online) expect(facts(r.seriesId).kind).toBe("online");
  });

  it("counts sessions beyond the radius so people can widen a search that found none", async () => {
    const { data } = await search("postcode=B23+6SY&distance=1&type=antenatal");
    expect(data.outcome.total).toBe(0);
    expect(data.outcome.beyondRadius).toBeGreaterThan(0);
    // Found some within the radius: the page offers no widening, so nothing further is counted.
    const found = (await search("postcode=B23+6SY&distance=1")).data.outcome;
    expect(found.total).toBeGreaterThan(0);
    expect(found.beyondRadius).toBeNull();
    for (const r of found.results) expect(r.distance).toBeLessThanOrEqual(1);
  });

  it.each([
    ["postcode=hello", "postcode", "Enter a real UK postcode"],
    ["postcode=ZZ99+9ZZ", "postcode", "We cannot find that postcode"],
    ["postcode=B23+6SY&age=teen", "age", "Choose your child's age"],
    ["type=bingo", "type", "Choose a type of session"],
    ["day=someday", "day", "Choose a day"],
    ["page=-3", "page", "whole number"],
    ["page=abc", "page", "whole number"],
    ["locality=atlantis", "locality", "Choose an area"],
    ["distance=1000", "distance", "Choose a distance"],
  ])("explains bad input %s by the field, with a 400 and no results", async (query, field, message) => {
    const { status, data } = await search(query);
    expect(status).toBe(400);
    expect(data.errors[field]).toContain(message);
    expect(data.outcome).toBeNull();
    expect(data.title.startsWith("Error: ")).toBe(true);
  });

  it("explains bad input in Urdu when the page is in Urdu", async () => {
    const { data } = await search("postcode=hello&lng=ur");
    expect(data.errors.postcode).toBeTruthy();
    expect(data.errors.postcode).not.toContain("Enter a real UK postcode");
    expect(data.errors.postcode).toMatch(/[\u0600-\u06FF]/);
  });

  it("ignores parameters it does not know, such as tracking tags", async () => {
    const { status } = await search("postcode=B23+6SY&utm_source=leaflet");
    expect(status).toBe(200);
  });
});

type Result = {
  seriesId: number;
  typeSlug: string;
  costPence: number;
  sendFriendly: boolean;
  forPregnancy: boolean;
  venue: { kind: string };
  next: { date: string; startTime: string };
  title: string;
};
