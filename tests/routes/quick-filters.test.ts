// Issue 14: Today / This week / Weekends on the results page, and the home page's quick searches.
import { describe, expect, it } from "vitest";
import { loader } from "~/routes/search/route";
import { TEST_TODAY } from "../setup/constants";

async function search(query: string) {
  const response = await loader({ request: new Request(`http://localhost/search?${query}`), params: {}, context: {} });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, data: (await response.json()) as any };
}

const dates = (data: { outcome: { results: { next: { date: string } }[] } }) => data.outcome.results.map((r) => r.next.date);

describe("quick filters", () => {
  it("this week: the next seven days, soonest first, with the date to book on each card", async () => {
    const { status, data } = await search("postcode=B23+6SY&when=week");
    expect(status).toBe(200);
    expect(data.byDate).toBe(true);
    const list = dates(data);
    expect(list.length).toBeGreaterThan(5);
    expect(list.every((d) => d >= TEST_TODAY && d <= "2026-11-30")).toBe(true);
    expect(list).toEqual([...list].sort());
    expect(data.outcome.results.every((r: { next: { occurrenceId: number } }) => Number.isInteger(r.next.occurrenceId))).toBe(true);
  });

  it("today and weekends", async () => {
    expect(dates((await search("postcode=B23+6SY&when=today")).data).every((d) => d === TEST_TODAY)).toBe(true);
    const weekend = dates((await search("when=weekend")).data);
    expect(weekend.every((d) => [0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()))).toBe(true);
  });

  it("reads the home page's ?quick= as this week and a type", async () => {
    const { data } = await search("postcode=B23+6SY&quick=stay-and-play");
    expect(data.values).toMatchObject({ when: "week", type: "stay-and-play" });
    expect(data.outcome.results.every((r: { typeSlug: string }) => r.typeSlug === "stay-and-play")).toBe(true);
    expect((await search("quick=week")).data.values).toMatchObject({ when: "week" });
  });

  it("explains an unknown ?when= by the field instead of failing", async () => {
    const { status, data } = await search("when=someday");
    expect(status).toBe(400);
    expect(data.errors.when).toBe("Choose today, this week or weekends");
  });
});
