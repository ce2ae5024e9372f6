// Loads the open postcode and deprivation data (see db/data/SOURCES.md) into the database.
import fs from "node:fs";
import path from "node:path";
import type { Db } from "./connection";

export const DATA_DIR = path.resolve(process.cwd(), "db/data");

/** Minimal CSV reader for the plain, unquoted open-data files we ship and accept. */
export function readCsv(file: string): { header: string[]; rows: string[][] } {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  const split = (line: string) => line.split(",").map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
  const [head, ...rest] = lines;
  return { header: split(head ?? ""), rows: rest.map(split) };
}

function column(header: string[], names: string[], file: string): number {
  const i = header.findIndex((h) => names.includes(h.toLowerCase()));
  if (i < 0) throw new Error(`${file}: no column named ${names.join(" or ")}`);
  return i;
}

export function loadOutcodes(db: Db, file = path.join(DATA_DIR, "uk-outcodes.csv")): number {
  const { header, rows } = readCsv(file);
  const [o, lat, lng] = [
    column(header, ["outcode"], file),
    column(header, ["latitude", "lat"], file),
    column(header, ["longitude", "long", "lng"], file),
  ];
  const insert = db.$client.prepare("INSERT OR REPLACE INTO outcodes (outcode, latitude, longitude) VALUES (?, ?, ?)");
  db.$client.transaction(() => {
    for (const r of rows) insert.run(r[o].toUpperCase(), Number(r[lat]), Number(r[lng]));
  })();
  return rows.length;
}

/**
 * Loads unit postcodes. Accepts our shipped file (postcode,latitude,longitude,lsoa11) and the
 * ONS Postcode Directory layout (pcds,lat,long[,lsoa11]). Rows without coordinates are skipped.
 */
export function loadPostcodes(db: Db, file: string): { loaded: number; skipped: number } {
  const { header, rows } = readCsv(file);
  const pc = column(header, ["postcode", "pcds"], file);
  const lat = column(header, ["latitude", "lat"], file);
  const lng = column(header, ["longitude", "long", "lng"], file);
  const lsoa = header.findIndex((h) => h.toLowerCase() === "lsoa11");
  const insert = db.$client.prepare("INSERT OR REPLACE INTO postcodes (postcode, latitude, longitude, lsoa11) VALUES (?, ?, ?, ?)");
  let loaded = 0;
  let skipped = 0;
  db.$client.transaction(() => {
    for (const r of rows) {
      const latitude = Number(r[lat]);
      const longitude = Number(r[lng]);
      const compact = (r[pc] ?? "").replace(/\s+/g, "").toUpperCase();
      // ONSPD marks unplaceable postcodes with 99.999999 latitude.
      if (!compact || !Number.isFinite(latitude) || !Number.isFinite(longitude) || latitude > 90) {
        skipped++;
        continue;
      }
      const normalised = `${compact.slice(0, -3)} ${compact.slice(-3)}`;
      insert.run(normalised, latitude, longitude, lsoa >= 0 ? r[lsoa] || null : null);
      loaded++;
    }
  })();
  return { loaded, skipped };
}

export function loadImdDeciles(db: Db, file = path.join(DATA_DIR, "imd2019-lsoa-deciles.csv")) {
  const { header, rows } = readCsv(file);
  const [l, d, k] = [column(header, ["lsoa11"], file), column(header, ["imd_decile"], file), column(header, ["imd_rank"], file)];
  const insert = db.$client.prepare("INSERT OR REPLACE INTO imd_deciles (lsoa11, decile, rank) VALUES (?, ?, ?)");
  db.$client.transaction(() => {
    for (const r of rows) insert.run(r[l], Number(r[d]), Number(r[k]));
  })();
  return rows.length;
}

/** Loads everything shipped in db/data; called once, when the database is new. */
export function loadShippedGeography(db: Db) {
  loadOutcodes(db);
  loadPostcodes(db, path.join(DATA_DIR, "postcodes-b-cv-le.csv"));
  loadImdDeciles(db);
}
