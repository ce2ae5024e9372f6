// /staff/reports and its CSV downloads against a real SQLite file: each role sees only its hubs,
// the filters parse with zod and bad ones get messages, the CSV is the table, figures match the
// database, and what bookings, walk-ins and searches record for reports.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBooking } from "~/models/booking.server";
import { parsePostcode } from "~/domain/postcode";
import { loader as reportsLoader } from "~/routes/staff.reports/route";
import { loader as csvLoader } from "~/routes/staff.reports[.csv]";
import { loader as searchLoader } from "~/routes/search/route";
import { getDb } from "~/utils/db.server";
import { HUBS, outcome, type Person, staffRequest } from "./staff-helpers";
import { TEST_NOW, TEST_TODAY } from "../setup/constants";

const db = getDb();
type ReportData = {
  errors: Record<string, string>;
  tables: { id: string; head: string[]; rows: { key: string; header: string; href?: string; cells: string[] }[] }[];
  headline: { key: string; value: string }[];
};

async function report(person: Person, query: string) {
  return outcome(async () => reportsLoader({ request: await staffRequest(person, `/staff/reports?${query}`), params: {}, context: {} }));
}
async function reportData(person: Person, query: string) {
  const o = await report(person, query);
  return { status: o.status, data: (await o.response.json()) as ReportData };
}
const table = (data: ReportData, id: string) => data.tables.find((t) => t.id === id);
const row = (data: ReportData, id: string, header: string) => table(data, id)?.rows.find((r) => r.header === header);
const column = (data: ReportData, id: string, heading: string) => table(data, id)!.head.indexOf(heading) - 1;

/** A stay-and-play series at a hub, and two past dates for it in Birmingham's first autumn term. */
function seriesAt(slug: string) {
  return db.$client
    .prepare(
      `SELECT s.id, s.capacity FROM session_series s JOIN venues v ON v.id = s.venue_id JOIN session_types st ON st.id = s.type_id
        WHERE v.slug = ? AND st.slug = 'stay-and-play' ORDER BY s.id LIMIT 1`,
    )
    .get(slug) as { id: number; capacity: number };
}
function pastDate(seriesId: number, date: string) {
  return Number(
    db.$client.prepare(`INSERT INTO occurrences (series_id, date, start_time, end_time) VALUES (?, ?, '10:00', '11:30')`).run(seriesId, date)
      .lastInsertRowid,
  );
}
let n = 0;
/** The bookings pastBooking made, removed after the tests: a real booking's reference may start "FH-T" too. */
const made: number[] = [];
function pastBooking(seriesId: number, occurrenceId: number, decile: number | null, attended: boolean | null) {
  n++;
  const id = Number(
    db.$client
      .prepare(
        `INSERT INTO bookings (reference, token_hash, series_id, occurrence_id, status, places, children, adults, name, email, consent_at,
           home_lsoa, home_imd_decile, booked_before)
         VALUES (?, 'x', ?, ?, 'confirmed', 1, 1, 1, 'Test family', ?, ?, ?, ?, 0)`,
      )
      .run(`FH-T${String(n).padStart(5, "0")}`, seriesId, occurrenceId, `report${n}@example.org`, TEST_NOW, decile ? "E01000001" : null, decile)
      .lastInsertRowid,
  );
  made.push(id);
  if (attended !== null)
    db.$client
      .prepare(`INSERT INTO attendance (booking_id, occurrence_id, status, marked_at) VALUES (?, ?, ?, ?)`)
      .run(id, occurrenceId, attended ? "attended" : "no-show", TEST_NOW);
}

const TERM = "period=custom&from=2026-09-02&to=2026-10-23";
let own: { id: number; capacity: number };

beforeAll(() => {
  own = seriesAt(HUBS.own);
  const other = seriesAt(HUBS.other);
  const a = pastDate(own.id, "2026-10-06");
  const b = pastDate(own.id, "2026-10-13");
  // Erdington: 12 bookings, 7 from deciles 1 and 2 (3 of them decile 1), 3 elsewhere, 2 without a postcode.
  const deciles = [1, 1, 1, 2, 2, 2, 2, 5, 7, 9, null, null];
  deciles.forEach((d, i) => pastBooking(own.id, i < 6 ? a : b, d, i < 10 ? i !== 0 : null));
  // Hillfields: 3 bookings, a count that must never show as 3.
  const c = pastDate(other.id, "2026-10-07");
  for (let i = 0; i < 3; i++) pastBooking(other.id, c, 1, true);
});

afterAll(() => {
  const ids = JSON.stringify(made);
  db.$client.prepare(`DELETE FROM attendance WHERE booking_id IN (SELECT value FROM json_each(?))`).run(ids);
  db.$client.prepare(`DELETE FROM bookings WHERE id IN (SELECT value FROM json_each(?))`).run(ids);
});

describe("who sees what", () => {
  it("administrators see every hub, and a count of 3 shows as 'fewer than 5'", async () => {
    const { status, data } = await reportData("admin", TERM);
    expect(status).toBe(200);
    const hubs = table(data, "hubs")!.rows.map((r) => r.header);
    expect(hubs).toContain("Erdington Family Hub");
    expect(hubs).toContain("Hillfields Family Hub");
    const hillfields = row(data, "hubs", "Hillfields Family Hub")!;
    expect(hillfields.cells[column(data, "hubs", "Bookings")]).toBe("fewer than 5");
    expect(JSON.stringify(hillfields.cells)).not.toMatch(/"3"/);
  });

  it("hub managers and hub staff see their own hubs only, and another hub is refused", async () => {
    for (const person of ["manager", "staff"] as const) {
      const { data } = await reportData(person, TERM);
      const hubs = table(data, "hubs")!.rows.map((r) => r.header);
      expect(hubs).toEqual(["Erdington Family Hub", "All"]);
      expect((await report(person, `${TERM}&hub=${HUBS.other}`)).status).toBe(403);
      expect((await report(person, `${TERM}&hub=${HUBS.own}`)).status).toBe(200);
    }
    const { data } = await reportData("otherStaff", TERM);
    expect(table(data, "hubs")!.rows.map((r) => r.header)).toEqual(["Hillfields Family Hub", "All"]);
  });

  it("outreach workers see their own signposts and requests, no hub figures", async () => {
    const { data } = await reportData("outreach", TERM);
    expect(table(data, "hubs")).toBeUndefined();
    expect(table(data, "deciles")).toBeUndefined();
    expect(table(data, "signposts")).toBeDefined();
    expect(table(data, "connections")).toBeDefined();
  });

  it("signed out goes to sign-in", async () => {
    const o = await report("signedOut", TERM);
    expect(o.location).toMatch(/^\/staff\/sign-in/);
  });
});

describe("figures match the database", () => {
  it("gives Erdington's share in the 20% and 10% most deprived areas", async () => {
    const { data } = await reportData("manager", `${TERM}&type=stay-and-play`);
    const expected = db.$client
      .prepare(
        `SELECT COUNT(*) AS total, SUM(b.home_imd_decile IS NOT NULL) AS placed, SUM(b.home_imd_decile <= 2) AS d20, SUM(b.home_imd_decile = 1) AS d10
           FROM bookings b JOIN occurrences o ON o.id = b.occurrence_id WHERE o.series_id = ? AND o.date BETWEEN '2026-09-02' AND '2026-10-23'`,
      )
      .get(own.id) as { total: number; placed: number; d20: number; d10: number };
    expect(expected).toEqual({ total: 12, placed: 10, d20: 7, d10: 3 });
    const erdington = row(data, "hubs", "Erdington Family Hub")!;
    expect(erdington.cells[column(data, "hubs", "Bookings")]).toBe("12");
    expect(erdington.cells[column(data, "hubs", "Bookings from the 20% most deprived areas")]).toBe("70.0%");
    // 3 of 10 is a share built on fewer than 5 families: hidden.
    expect(erdington.cells[column(data, "hubs", "Bookings from the 10% most deprived areas")]).toBe("hidden (small numbers)");
    expect(erdington.cells[column(data, "hubs", "Attended")]).toBe("9");
    expect(data.headline.find((h) => h.key === "deprived20")?.value).toBe("70.0%");
    const deciles = table(data, "deciles")!;
    expect(deciles.rows[1].cells[0]).toBe("fewer than 5");
    expect(deciles.rows[1].cells[1]).toBe("hidden (small numbers)");
  });

  it("links each hub, area and type to the report narrowed to it", async () => {
    const { data } = await reportData("admin", TERM);
    const erdington = table(data, "localities")!.rows.find((r) => r.header === "Erdington")!;
    expect(erdington.href).toContain("locality=erdington");
    expect(erdington.href).toContain("from=2026-09-02");
  });
});

describe("filters", () => {
  it("default to this financial quarter", async () => {
    const { status, data } = await reportData("manager", "");
    expect(status).toBe(200);
    expect(data.errors).toEqual({});
  });

  it("answer bad values with a message by each field, never a 500", async () => {
    const { status, data } = await reportData("manager", "period=week&week=2026-W99&type=bingo&age=old&locality=nowhere");
    expect(status).toBe(400);
    expect(data.errors.week).toBe("Enter a week like 2026-W48");
    expect(data.errors.type).toBe("Choose a type of session from the list");
    expect(data.errors.age).toBe("Choose an age band from the list");
    const custom = await reportData("manager", "period=custom&from=2026-10-01&to=2026-09-01");
    expect(custom.status).toBe(400);
    expect(custom.data.errors.to).toBe("The last date must be the same as or after the first date");
    const missing = await reportData("manager", "period=custom");
    expect(missing.data.errors.from).toBe("Enter the first date of the report");
    const area = await reportData("manager", "locality=nowhere");
    expect(area.data.errors.locality).toBe("Choose an area from the list");
    const term = await reportData("manager", "period=term&term=999999");
    expect(term.data.errors.term).toBe("Choose a term from the list");
  });

  it("in Urdu, say so in Urdu", async () => {
    const { data } = await reportData("manager", "period=quarter&quarter=2026-Q9&lng=ur");
    expect(data.errors.quarter).toMatch(/[\u0600-\u06FF]/);
  });
});

describe("CSV downloads", () => {
  it("hold exactly the table's cells, 'fewer than 5' included", async () => {
    const { data } = await reportData("admin", TERM);
    const o = await outcome(async () =>
      csvLoader({ request: await staffRequest("admin", `/staff/reports.csv?${TERM}&table=hubs`), params: {}, context: {} }),
    );
    expect(o.status).toBe(200);
    expect(o.response.headers.get("Content-Type")).toContain("text/csv");
    const text = (await o.response.text()).replace(/^\uFEFF/, "");
    const hubs = table(data, "hubs")!;
    const parse = (line: string) => line.split(",").map((c) => c.replace(/^"|"$/g, "").replace(/""/g, '"'));
    const lines = text.trimEnd().split("\r\n").map(parse);
    expect(lines[0]).toEqual(hubs.head);
    expect(lines.slice(1)).toEqual(hubs.rows.map((r) => [r.header, ...r.cells]));
    expect(text).toContain("fewer than 5");
  });

  it("refuse an unknown table and another hub", async () => {
    const bad = await outcome(async () =>
      csvLoader({ request: await staffRequest("admin", `/staff/reports.csv?table=secrets`), params: {}, context: {} }),
    );
    expect(bad.status).toBe(400);
    const other = await outcome(async () =>
      csvLoader({ request: await staffRequest("manager", `/staff/reports.csv?table=hubs&hub=${HUBS.other}`), params: {}, context: {} }),
    );
    expect(other.status).toBe(403);
  });
});

describe("what is recorded", () => {
  it("a booking keeps the LSOA and decile of the home postcode, never the postcode, and whether the contact booked before", () => {
    const known = db.$client
      .prepare(
        `SELECT p.postcode, p.lsoa11, d.decile FROM postcodes p JOIN imd_deciles d ON d.lsoa11 = p.lsoa11 WHERE p.postcode LIKE 'B23 %' LIMIT 1`,
      )
      .get() as { postcode: string; lsoa11: string; decile: number };
    const slot = db.$client
      .prepare(
        `SELECT s.id AS seriesId, o.id AS occurrenceId, s.age_min_months AS age FROM session_series s JOIN occurrences o ON o.series_id = s.id
          WHERE s.booking_mode = 'per-session' AND s.place_unit = 'child' AND s.age_min_months IS NOT NULL AND o.date > ? ORDER BY o.id LIMIT 2`,
      )
      .all(TEST_TODAY) as { seriesId: number; occurrenceId: number; age: number }[];
    const book = (i: number, postcode: string | null) =>
      createBooking(
        db,
        {
          seriesId: slot[i].seriesId,
          occurrenceId: slot[i].occurrenceId,
          childAges: [slot[i].age],
          adults: 1,
          name: "Reach test",
          email: "reach-test@example.org",
          phone: null,
          accessNeeds: "",
          language: "en",
          homePostcode: postcode ? parsePostcode(postcode) : null,
          joinWaitingList: true,
          maxChildren: 4,
        },
        { date: TEST_TODAY, time: "08:00", iso: TEST_NOW },
      );
    const first = book(0, known.postcode);
    const second = book(1, null);
    expect(first.kind === "confirmed" || first.kind === "waiting").toBe(true);
    const rows = db.$client.prepare(`SELECT * FROM bookings WHERE email = 'reach-test@example.org' ORDER BY id`).all() as Record<
      string,
      unknown
    >[];
    expect(rows.map((r) => [r.home_lsoa, r.home_imd_decile, r.booked_before])).toEqual([
      [known.lsoa11, known.decile, 0],
      [null, null, 1],
    ]);
    expect(JSON.stringify(rows)).not.toContain(known.postcode);
    expect(JSON.stringify(rows)).not.toContain(known.postcode.replace(" ", ""));
    expect(second.kind).not.toBe("duplicate");
  });

  it("a search that finds nothing keeps the district only", async () => {
    const before = (db.$client.prepare(`SELECT COUNT(*) AS n FROM search_misses`).get() as { n: number }).n;
    // No SEND sessions for pregnant parents in Coventry on a Sunday evening: nothing found.
    await searchLoader({
      request: new Request("http://localhost/search?postcode=CV1%205FB&age=pregnancy&type=send&day=sun&time=evening"),
      params: {},
      context: {},
    });
    const misses = db.$client.prepare(`SELECT * FROM search_misses ORDER BY id`).all() as Record<string, unknown>[];
    expect(misses.length).toBe(before + 1);
    const miss = misses[misses.length - 1];
    expect(miss.outcode).toBe("CV1");
    expect(miss.age_band).toBe("pregnancy");
    expect(miss.type_slug).toBe("send");
    expect(miss.locality_id).not.toBeNull();
    expect(JSON.stringify(miss)).not.toContain("5FB");
    // A search that finds sessions records nothing.
    await searchLoader({ request: new Request("http://localhost/search?postcode=B23%206SY"), params: {}, context: {} });
    expect((db.$client.prepare(`SELECT COUNT(*) AS n FROM search_misses`).get() as { n: number }).n).toBe(before + 1);
  });
});
