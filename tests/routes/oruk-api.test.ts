// The Open Referral UK 3.0 read API (/api), tried as a directory that consumes it would: every
// body validated against the UK profile's schemas, every page read, filters, distances, errors.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { termUuid } from "~/domain/oruk-ids";
import { ensureOrukIds } from "~/oruk/records.server";
import { loader as catchAll } from "~/routes/api.$";
import { loader as root } from "~/routes/api._index";
import { loader as openapi } from "~/routes/api.openapi[.json]";
import { loader as salOne } from "~/routes/api.service_at_locations.$id";
import { loader as salList } from "~/routes/api.service_at_locations._index";
import { loader as serviceOne } from "~/routes/api.services.$id";
import { loader as serviceList } from "~/routes/api.services._index";
import { loader as taxonomyOne } from "~/routes/api.taxonomies.$id";
import { loader as taxonomyList } from "~/routes/api.taxonomies._index";
import { loader as termOne } from "~/routes/api.taxonomy_terms.$id";
import { loader as termList } from "~/routes/api.taxonomy_terms._index";
import { getDb } from "~/utils/db.server";
import { problems } from "../support/oruk-schemas";

type Loader = (args: LoaderFunctionArgs) => Promise<Response> | Response;

async function get(loader: Loader, path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const response = await loader({ request: new Request(`http://localhost:3000${path}`, { headers }), params, context: {} });
  const text = response.status === 304 ? "" : await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { response, status: response.status, body: text ? (JSON.parse(text) as any) : null };
}

/** Optional fields with no value must be left out: no null, "" or [] anywhere. */
function empties(value: unknown, path = ""): string[] {
  if (value === null || value === "") return [path];
  if (Array.isArray(value)) return value.length === 0 ? [path] : value.flatMap((v, i) => empties(v, `${path}[${i}]`));
  if (typeof value === "object") return Object.entries(value as object).flatMap(([k, v]) => empties(v, `${path}.${k}`));
  return [];
}

const activeCount = () =>
  (
    getDb().$client.prepare("SELECT count(*) AS n FROM session_series WHERE status = 'active' AND feed_withdrawn_at IS NULL").get() as {
      n: number;
    }
  ).n;

describe("ORUK API", () => {
  it("/ names the version and profile and links to the OpenAPI document it serves", async () => {
    const { status, body, response } = await get(root, "/api");
    expect(status).toBe(200);
    expect(problems("root", body)).toEqual([]);
    expect(body.version).toBe("3.0");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(body.openapi_url).toBe("http://localhost:3000/api/openapi.json");
    const doc = await get(openapi, "/api/openapi.json");
    expect(doc.body.info.title).toBe("Open Referral UK Profile");
    expect(doc.body.servers).toEqual([{ url: "http://localhost:3000/api" }]);
    expect(Object.keys(doc.body.paths)).toContain("/services/{id}");
  });

  it("reads every page of /services and every service in full, all valid", async () => {
    const ids: string[] = [];
    let pageNumber = 1;
    for (;;) {
      const { status, body } = await get(serviceList, `/api/services?page=${pageNumber}&per_page=60`);
      expect(status).toBe(200);
      expect(problems("serviceList", body)).toEqual([]);
      expect(empties(body)).toEqual([]);
      ids.push(...body.contents.map((s: { id: string }) => s.id));
      // List items carry one-to-one fields only.
      for (const s of body.contents) expect(Object.keys(s).filter((k) => Array.isArray(s[k]))).toEqual([]);
      if (body.last_page) break;
      pageNumber++;
    }
    expect(ids.length).toBe(activeCount());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      const { status, body } = await get(serviceOne, `/api/services/${id}`, { id });
      expect(status).toBe(200);
      expect(problems("service", body)).toEqual([]);
      expect(empties(body)).toEqual([]);
      expect(body.service_at_locations).toHaveLength(1);
      expect(body.schedules.length).toBeGreaterThan(0);
      for (const s of body.schedules) {
        expect(s.opens_at).toMatch(/^\d\d:\d\d$/);
        expect(s.closes_at).toMatch(/^\d\d:\d\d$/);
      }
      expect(body.url).toMatch(/^http:\/\/localhost:3000\/sessions\/\d+$/);
    }
  }, 60_000);

  it("reads every service at location, list and detail, all valid", async () => {
    const { body } = await get(salList, "/api/service_at_locations?per_page=500");
    expect(problems("serviceAtLocationList", body)).toEqual([]);
    expect(empties(body)).toEqual([]);
    expect(body.total_items).toBe(activeCount());
    for (const item of body.contents.slice(0, 40)) {
      const one = await get(salOne, `/api/service_at_locations/${item.id}`, { id: item.id });
      expect(one.status).toBe(200);
      expect(problems("serviceAtLocation", one.body)).toEqual([]);
      expect(empties(one.body)).toEqual([]);
      expect(one.body.service.id).toBe(item.service_id);
      expect(one.body.location.id).toBe(item.location_id);
    }
  });

  it("publishes session types and age bands as taxonomies with their terms", async () => {
    const list = await get(taxonomyList, "/api/taxonomies");
    expect(problems("taxonomyList", list.body)).toEqual([]);
    expect(list.body.contents.map((t: { name: string }) => t.name)).toEqual(["Session types", "Age bands"]);
    for (const t of list.body.contents) {
      const one = await get(taxonomyOne, `/api/taxonomies/${t.id}`, { id: t.id });
      expect(problems("taxonomy", one.body)).toEqual([]);
      expect(one.body.taxonomy_terms.length).toBeGreaterThan(3);
    }
    const terms = await get(termList, "/api/taxonomy_terms?per_page=100");
    expect(problems("taxonomyTermList", terms.body)).toEqual([]);
    expect(terms.body.total_items).toBe(16);
    for (const term of terms.body.contents) {
      const one = await get(termOne, `/api/taxonomy_terms/${term.id}`, { id: term.id });
      expect(problems("taxonomyTerm", one.body)).toEqual([]);
      expect(one.body).toEqual(term);
    }
  });

  it("pages: first, middle and last page arithmetic, and an empty page past the end", async () => {
    const total = activeCount();
    const pages = Math.ceil(total / 100);
    expect(pages).toBe(3);
    const first = (await get(serviceList, "/api/services?per_page=100")).body;
    expect({ ...first, contents: undefined }).toEqual({
      total_items: total,
      total_pages: 3,
      page_number: 1,
      size: 100,
      first_page: true,
      last_page: false,
      empty: false,
      contents: undefined,
    });
    const middle = (await get(serviceList, "/api/services?per_page=100&page=2")).body;
    expect([middle.page_number, middle.size, middle.first_page, middle.last_page, middle.empty]).toEqual([2, 100, false, false, false]);
    const last = (await get(serviceList, "/api/services?per_page=100&page=3")).body;
    expect([last.page_number, last.size, last.first_page, last.last_page, last.empty]).toEqual([3, total - 200, false, true, false]);
    const seen = new Set([...first.contents, ...middle.contents, ...last.contents].map((s: { id: string }) => s.id));
    expect(seen.size).toBe(total);
    const past = (await get(serviceList, "/api/services?per_page=100&page=4")).body;
    expect([past.size, past.empty, past.last_page, past.contents.length]).toEqual([0, true, true, 0]);
    const defaults = (await get(serviceList, "/api/services")).body;
    expect(defaults.size).toBe(50);
  });

  it("orders by distance from a postcode and cuts at the proximity, as measured by hand", async () => {
    // B23 6SY (52.523420, -1.840278) to Erdington Family Hub, B23 6RS (52.523382, -1.838863): 95.8 m;
    // to Kingstanding Family Hub, B44 9TE (52.546791, -1.884433): 3,959 m (equirectangular, by hand).
    const venueOf = (body: { contents: { location: { name: string } }[] }) => new Set(body.contents.map((c) => c.location.name));
    const near = (await get(salList, "/api/service_at_locations?postcode=B23%206SY&proximity=97&per_page=500")).body;
    expect(problems("serviceAtLocationList", near.body ?? near)).toEqual([]);
    expect(venueOf(near)).toEqual(new Set(["Erdington Family Hub"]));
    const none = (await get(salList, "/api/service_at_locations?postcode=b236sy&proximity=95")).body;
    expect(none.total_items).toBe(0);
    expect(none.empty).toBe(true);
    const wider = (await get(salList, "/api/service_at_locations?postcode=B23+6SY&proximity=3960&per_page=500")).body;
    expect(venueOf(wider).has("Kingstanding Family Hub")).toBe(true);
    const narrower = (await get(salList, "/api/service_at_locations?postcode=B23+6SY&proximity=3958&per_page=500")).body;
    expect(venueOf(narrower).has("Kingstanding Family Hub")).toBe(false);
    // Nearest first: Erdington's sessions lead, and no session is nearer than one before it.
    expect(wider.contents[0].location.name).toBe("Erdington Family Hub");
    const origin = { lat: 52.52342, lng: -1.840278 };
    const metres = wider.contents.map((c: { location: { latitude: number; longitude: number } }) => {
      const lat = (((origin.lat + c.location.latitude) / 2) * Math.PI) / 180;
      const dx = (((c.location.longitude - origin.lng) * Math.PI) / 180) * Math.cos(lat) * 6371008.8;
      const dy = (((c.location.latitude - origin.lat) * Math.PI) / 180) * 6371008.8;
      return Math.hypot(dx, dy);
    });
    for (let i = 1; i < metres.length; i++) expect(metres[i]).toBeGreaterThanOrEqual(metres[i - 1] - 0.5);
    expect(Math.max(...metres)).toBeLessThanOrEqual(3960);
  });

  it("filters combine with AND", async () => {
    const stayAndPlay = termUuid("session-types", "stay-and-play");
    const all = (await get(serviceList, `/api/services?taxonomy_term_id=${stayAndPlay}&per_page=500`)).body;
    expect(all.total_items).toBeGreaterThan(5);
    const db = getDb().$client;
    const expected = db
      .prepare(
        `SELECT count(*) AS n FROM session_series s JOIN session_types t ON t.id = s.type_id
          WHERE t.slug = 'stay-and-play' AND s.status = 'active' AND (',' || s.weekdays || ',') LIKE '%,3,%' AND s.start_time >= '10:00'`,
      )
      .get() as { n: number };
    const combined = (await get(serviceList, `/api/services?taxonomy_term_id=${stayAndPlay}&day=WE&start_time=10:00&per_page=500`)).body;
    expect(combined.total_items).toBe(expected.n);
    expect(combined.total_items).toBeLessThan(all.total_items);
    const young = (await get(serviceList, "/api/services?maximum_age=1&per_page=500")).body;
    for (const s of young.contents) expect(s.maximum_age).toBeLessThanOrEqual(1);
    const older = (await get(serviceList, "/api/services?minimum_age=2&per_page=500")).body;
    for (const s of older.contents) expect(s.minimum_age).toBeGreaterThanOrEqual(2);
    const search = (await get(serviceList, "/api/services?search=citizens%20advice&per_page=500")).body;
    expect(search.total_items).toBeGreaterThan(0);
    for (const s of search.contents) expect(`${s.name} ${s.description ?? ""}`.toLowerCase()).toContain("citizens advice");
    const future = (await get(serviceList, "/api/services?modified_after=2999-01-01T00:00:00Z")).body;
    expect(future.total_items).toBe(0);
  });

  it("refuses bad parameters with a 400 saying what is wrong, readable from any origin", async () => {
    const cases: [Loader, string, RegExp][] = [
      [serviceList, "/api/services?per_page=0", /per_page/],
      [serviceList, "/api/services?per_page=5000", /per_page/],
      [serviceList, "/api/services?page=two", /page must be a whole number/],
      [serviceList, "/api/services?day=Funday", /day must be one of/],
      [serviceList, "/api/services?start_time=25:00", /start_time/],
      [serviceList, "/api/services?modified_after=yesterday", /modified_after/],
      [serviceList, "/api/services?taxonomy_term_id=stay-and-play", /taxonomy_term_id must be a UUID/],
      [serviceList, "/api/services?colour=blue", /unknown parameter colour/],
      [serviceList, "/api/services?postcode=B23", /postcode is not a filter of this endpoint/],
      [salList, "/api/service_at_locations?proximity=500", /proximity needs a postcode/],
      [salList, "/api/service_at_locations?postcode=NOT+A+POSTCODE", /not a UK postcode/],
      [salList, "/api/service_at_locations?postcode=ZZ99+9ZZ", /was not found/],
      [taxonomyList, "/api/taxonomies?search=x", /not a filter/],
    ];
    for (const [loader, path, message] of cases) {
      const { status, body, response } = await get(loader, path);
      expect(status, path).toBe(400);
      expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(body.message, path).toMatch(message);
    }
  });

  it("answers unknown ids and addresses with a JSON 404", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const [loader, path] of [
      [serviceOne, "/api/services/"],
      [salOne, "/api/service_at_locations/"],
      [taxonomyOne, "/api/taxonomies/"],
      [termOne, "/api/taxonomy_terms/"],
    ] as const) {
      for (const id of [unknown, "42", "<script>"]) {
        const { status, body, response } = await get(loader, path + encodeURIComponent(id), { id });
        expect(status).toBe(404);
        expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
        expect(typeof body.message).toBe("string");
      }
    }
    const nowhere = await get(catchAll, "/api/organizations", { "*": "organizations" });
    expect(nowhere.status).toBe(404);
    expect(nowhere.response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it("revalidates cheaply: the same ETag gives a 304, and Last-Modified is the newest change", async () => {
    const first = await get(serviceList, "/api/services?page=2");
    const etag = first.response.headers.get("ETag")!;
    expect(etag).toMatch(/^"/);
    expect(first.response.headers.get("Last-Modified")).toMatch(/GMT$/);
    const again = await get(serviceList, "/api/services?page=2", {}, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const other = await get(serviceList, "/api/services?page=3", {}, { "If-None-Match": etag });
    expect(other.status).toBe(200);
  });

  it("keeps every id when ids are stored, and when a series is edited", async () => {
    const before = (await get(serviceList, "/api/services?per_page=500")).body.contents.map((s: { id: string }) => s.id);
    const beforeSal = (await get(salList, "/api/service_at_locations?per_page=500")).body.contents.map(
      (s: { id: string; location_id: string }) => `${s.id} ${s.location_id}`,
    );
    expect(ensureOrukIds(getDb())).toBeGreaterThan(0);
    getDb().$client.prepare("UPDATE session_series SET title = title || ' (renamed)' WHERE id = 1").run();
    getDb().$client.prepare("UPDATE venues SET slug = slug || '-moved' WHERE id = 1").run();
    const after = (await get(serviceList, "/api/services?per_page=500")).body;
    expect(after.contents.map((s: { id: string }) => s.id)).toEqual(before);
    expect(after.contents[0].name).toMatch(/renamed/);
    const afterSal = (await get(salList, "/api/service_at_locations?per_page=500")).body.contents.map(
      (s: { id: string; location_id: string }) => `${s.id} ${s.location_id}`,
    );
    expect(afterSal).toEqual(beforeSal);
  });
});
