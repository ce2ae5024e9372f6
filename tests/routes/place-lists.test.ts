// Lists sized to the place (issue 17, decision 020): on the sample the search's area select, the
// home page's areas and /hubs list everything, as they always have; once the directory is large
// they start from the family's place or a council. Loaders against a real copy of the sample, to
// which the second half adds councils far enough away and numerous enough to make it large.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { COVERAGE_MILES, distanceMiles, type LatLng, roundMiles } from "~/domain/distance";
import { SMALL_DIRECTORY_LOCALITIES } from "~/domain/place-lists";
import { loader as homeLoader } from "~/routes/_index";
import { loader as hubsLoader } from "~/routes/hubs._index";
import { loader as searchLoader } from "~/routes/search/route";
import { getDb } from "~/utils/db.server";

const db = getDb();

async function call(loader: (args: LoaderFunctionArgs) => Promise<Response>, path: string) {
  const response = await loader({ request: new Request(`http://localhost${path}`), params: {}, context: {} });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, data: (await response.json()) as any };
}

/** What a loader threw (a 404 is thrown as a Response), or fails if it answered. */
async function thrown(loader: (args: LoaderFunctionArgs) => Promise<Response>, path: string): Promise<Response> {
  try {
    await loader({ request: new Request(`http://localhost${path}`), params: {}, context: {} });
  } catch (e) {
    return e as Response;
  }
  throw new Error(`${path} answered`);
}

type Place = { slug: string; name: string; council: string };
const allLocalities = () =>
  db.$client
    .prepare(
      `SELECT l.slug, l.name, a.slug AS council, l.latitude, l.longitude
         FROM localities l JOIN local_authorities a ON a.id = l.local_authority_id ORDER BY a.name, l.name`,
    )
    .all() as (Place & LatLng)[];
const councilOf = (slug: string) => allLocalities().find((l) => l.slug === slug)!.council;
const slugs = (list: { slug: string }[]) => list.map((l) => l.slug);
const allVenues = () => db.$client.prepare(`SELECT slug FROM venues ORDER BY slug`).pluck().all() as string[];
const councilVenues = (council: string) =>
  db.$client
    .prepare(
      `SELECT v.slug FROM venues v JOIN localities l ON l.id = v.locality_id JOIN local_authorities a ON a.id = l.local_authority_id
        WHERE a.slug = ? ORDER BY v.slug`,
    )
    .pluck()
    .all(council) as string[];
const B23_6SY = db.$client.prepare(`SELECT latitude, longitude FROM postcodes WHERE postcode = 'B23 6SY'`).get() as LatLng;

/** Reference: every locality of the councils with any locality within COVERAGE_MILES of `origin`, read from all of them. */
function localitiesNear(origin: LatLng, alsoCouncil?: string): string[] {
  const all = allLocalities();
  const councils = new Set(all.filter((l) => roundMiles(distanceMiles(origin, l)) <= COVERAGE_MILES).map((l) => l.council));
  if (alsoCouncil) councils.add(alsoCouncil);
  return slugs(all.filter((l) => councils.has(l.council)));
}

/** The point `north` and `east` miles from `origin` (flat-Earth offsets: exact enough over 30 miles). */
function offset(origin: LatLng, north: number, east: number): LatLng {
  const latitude = origin.latitude + north / 69.05;
  return { latitude, longitude: origin.longitude + east / (69.17 * Math.cos((latitude * Math.PI) / 180)) };
}

let added = 0;
/** A council with `count` localities around `centre`, each with one hub. */
function addCouncil(slug: string, name: string, centre: LatLng, count: number) {
  const council = db.$client.prepare(`INSERT INTO local_authorities (slug, name) VALUES (?, ?)`).run(slug, name).lastInsertRowid;
  for (let i = 0; i < count; i++) {
    added++;
    const at = offset(centre, (i % 3) * 0.5, Math.floor(i / 3) * 0.5);
    const locality = db.$client
      .prepare(`INSERT INTO localities (slug, name, local_authority_id, latitude, longitude) VALUES (?, ?, ?, ?, ?)`)
      .run(`${slug}-area-${i}`, `${name} area ${i}`, council, at.latitude, at.longitude).lastInsertRowid;
    db.$client
      .prepare(`INSERT INTO venues (slug, name, kind, locality_id, town, latitude, longitude) VALUES (?, ?, 'family-hub', ?, ?, ?, ?)`)
      .run(`${slug}-hub-${i}`, `${name} hub ${i}`, locality, name, at.latitude, at.longitude);
  }
}

describe("on the sample (a small directory)", () => {
  it("is small: every list below is the whole directory", () => {
    expect(allLocalities().length).toBeLessThanOrEqual(SMALL_DIRECTORY_LOCALITIES);
  });

  it("offers every area in the search's select, grouped by council, from any search", async () => {
    for (const query of ["postcode=B23+6SY&age=0-1", "locality=hodge-hill", "age=0-1", ""]) {
      const { data } = await call(searchLoader, `/search?${query}`);
      expect(slugs(data.localities), query).toEqual(slugs(allLocalities()));
      expect(data.localityHint, query).toBeNull();
    }
  });

  it("links every area on the home page, and no councils", async () => {
    const { data } = await call(homeLoader, "/");
    expect(slugs(data.localities)).toEqual(slugs(allLocalities()));
    expect(data.councils).toEqual([]);
  });

  it("lists every hub on /hubs, and no councils", async () => {
    const { data } = await call(hubsLoader, "/hubs");
    expect(slugs(data.venues).sort()).toEqual(allVenues());
    expect(data.councils).toEqual([]);
    expect(data.council).toBeNull();
  });

  it("lists one council's hubs on /hubs?council=<slug>, named in the title and heading", async () => {
    const { data } = await call(hubsLoader, "/hubs?council=coventry");
    expect(slugs(data.venues).sort()).toEqual(councilVenues("coventry"));
    expect(data.venues.length).toBeGreaterThan(0);
    expect(data.heading).toBe("Family Hubs and other places in Coventry");
    expect(data.title).toContain("Coventry");
  });

  it("answers a council it does not know, or a malformed one, with a 404, never a 500", async () => {
    for (const bad of ["atlantis", "Coventry", "%3Cscript%3E", "a".repeat(101)]) {
      const response = await thrown(hubsLoader, `/hubs?council=${bad}`);
      expect(response.status, bad).toBe(404);
    }
    // A blank council is no council: the whole list.
    expect(slugs((await call(hubsLoader, "/hubs?council=")).data.venues).sort()).toEqual(allVenues());
  });
});

describe("at national size (a large directory)", () => {
  it("grows past the small directory with councils near Birmingham and in the north of England", () => {
    // Two councils near Birmingham but past 25 miles: due south (outside the box read around the
    // search) and north-east at 27 miles (inside the box's corner: only the distance leaves it out).
    addCouncil("south-of-coverage", "South of Coverage", offset(B23_6SY, -30, 0), 1);
    addCouncil("corner-of-box", "Corner of Box", offset(B23_6SY, 27 / Math.SQRT2, 27 / Math.SQRT2), 1);
    // One just inside, 24 miles west.
    addCouncil("just-inside", "Just Inside", offset(B23_6SY, 0, -24), 1);
    for (let i = 0; i < 40; i++)
      addCouncil(`north-${i}`, `North ${i}`, { latitude: 54.2 + (i % 8) * 0.15, longitude: -3 + Math.floor(i / 8) * 0.4 }, 3);
    expect(
      distanceMiles(
        B23_6SY,
        allLocalities().find((l) => l.council === "corner-of-box")!,
      ),
    ).toBeGreaterThan(COVERAGE_MILES + 1);
    expect(allLocalities().length).toBeGreaterThan(SMALL_DIRECTORY_LOCALITIES);
    expect(added).toBe(123);
  });

  it("offers only the areas of councils within 25 miles of the postcode searched", async () => {
    const { data } = await call(searchLoader, "/search?postcode=B23+6SY&age=0-1&distance=10");
    const offered = slugs(data.localities);
    expect(offered).toEqual(localitiesNear(B23_6SY));
    const councils = new Set(offered.map(councilOf));
    expect(councils.has("birmingham")).toBe(true);
    expect(councils.has("just-inside")).toBe(true);
    expect(councils.has("corner-of-box")).toBe(false);
    expect(councils.has("south-of-coverage")).toBe(false);
    expect([...councils].some((c) => c.startsWith("north-"))).toBe(false);
    // Every area of a council offered, not only the near ones.
    expect(offered.filter((s) => councilOf(s) === "birmingham")).toHaveLength(10);
    expect(data.localityHint).toBe("near");
  });

  it("always offers the chosen area's council, with the councils near the postcode", async () => {
    const { data } = await call(searchLoader, "/search?postcode=B23+6SY&locality=north-20-area-1");
    expect(slugs(data.localities)).toEqual(localitiesNear(B23_6SY, "north-20"));
    expect(slugs(data.localities)).toContain("north-20-area-1");
  });

  it("offers the councils near a chosen area when there is no postcode", async () => {
    const chosen = allLocalities().find((l) => l.slug === "north-20-area-1")!;
    const { data } = await call(searchLoader, "/search?locality=north-20-area-1");
    expect(slugs(data.localities)).toEqual(localitiesNear(chosen));
    expect(slugs(data.localities).map(councilOf)).not.toContain("birmingham");
    const fromErdington = await call(searchLoader, "/search?locality=erdington");
    expect(slugs(fromErdington.data.localities)).toEqual(localitiesNear(allLocalities().find((l) => l.slug === "erdington")!));
  });

  it("offers no areas, and asks for a postcode, when the search has no place", async () => {
    for (const query of ["", "age=0-1", "postcode=XX1+1XX"]) {
      const { data } = await call(searchLoader, `/search?${query}`);
      expect(data.localities, query).toEqual([]);
      expect(data.localityHint, query).toBe("postcode");
    }
  });

  it("lists councils on the home page instead of areas", async () => {
    const { data } = await call(homeLoader, "/");
    expect(data.localities).toEqual([]);
    const councils = db.$client.prepare(`SELECT slug FROM local_authorities ORDER BY name`).pluck().all();
    expect(slugs(data.councils)).toEqual(councils);
    expect(councils).toHaveLength(3 + 43);
  });

  it("lists councils on /hubs, and one council's areas and hubs on /hubs?council=<slug>", async () => {
    const all = await call(hubsLoader, "/hubs");
    expect(all.data.venues).toEqual([]);
    expect(all.data.councils).toHaveLength(46);
    const north = await call(hubsLoader, "/hubs?council=north-7");
    expect(slugs(north.data.venues).sort()).toEqual(["north-7-hub-0", "north-7-hub-1", "north-7-hub-2"]);
    expect(north.data.heading).toBe("Family Hubs and other places in North 7");
    const birmingham = await call(hubsLoader, "/hubs?council=birmingham");
    expect(slugs(birmingham.data.venues).sort()).toEqual(councilVenues("birmingham"));
    expect(new Set(birmingham.data.venues.map((v: { locality: { slug: string } }) => v.locality.slug)).size).toBe(10);
    expect((await thrown(hubsLoader, "/hubs?council=atlantis")).status).toBe(404);
  });
});
