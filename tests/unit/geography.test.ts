import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { loadOutcodes, loadPostcodes } from "../../db/geography";
import { parsePostcode } from "~/domain/postcode";
import { locatePostcode } from "~/models/geography.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-geo-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("postcode import and lookup", () => {
  const db = openDatabase(path.join(dir, "geo.db"));
  const outcodes = path.join(dir, "outcodes.csv");
  fs.writeFileSync(outcodes, "outcode,latitude,longitude\nB23,52.52,-1.83\nZZ1,50,0\n");
  loadOutcodes(db, outcodes);

  it("loads an ONS Postcode Directory extract and skips rows without coordinates", () => {
    const onspd = path.join(dir, "onspd.csv");
    fs.writeFileSync(
      onspd,
      '"pcd","pcds","lat","long","lsoa11"\n"B236SY ","B23 6SY","52.525","-1.842","E01009000"\n"B999ZZ","B99 9ZZ","99.999999","0.000000",""\n',
    );
    expect(loadPostcodes(db, onspd)).toEqual({ loaded: 1, skipped: 1 });
  });

  it("uses the finest level known: unit postcode, then district", () => {
    expect(locatePostcode(db, parsePostcode("b236sy")!)).toEqual({ latitude: 52.525, longitude: -1.842, precision: "unit" });
    expect(locatePostcode(db, parsePostcode("B23 7AA")!)).toEqual({ latitude: 52.52, longitude: -1.83, precision: "district" });
    expect(locatePostcode(db, parsePostcode("B23")!)?.precision).toBe("district");
    expect(locatePostcode(db, parsePostcode("ZZ99 9ZZ")!)).toBeNull();
  });

  it("refuses a file without the columns it needs", () => {
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, "code,x,y\nB23 6SY,1,2\n");
    expect(() => loadPostcodes(db, bad)).toThrow(/no column named postcode or pcds/);
  });
});
