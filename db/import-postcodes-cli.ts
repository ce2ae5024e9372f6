// npm run postcodes:import -- FILE.csv
// Loads unit postcodes (ONS Postcode Directory columns pcds,lat,long[,lsoa11]) for street-level
// distances. Existing postcodes are updated; nothing else is touched.
import fs from "node:fs";
import { z } from "zod";
import { openDatabase } from "./connection";
import { loadPostcodes } from "./geography";

const Args = z.tuple([z.string().min(1, "Give the CSV file to import")]);
const Env = z.object({ DATABASE_PATH: z.string().min(1).default("data/family-hubs.db") });

const args = Args.safeParse(process.argv.slice(2));
if (!args.success) {
  console.error("Usage: npm run postcodes:import -- FILE.csv");
  process.exit(2);
}
const [file] = args.data;
if (!fs.existsSync(file)) {
  console.error(`No such file: ${file}`);
  process.exit(2);
}
const { DATABASE_PATH } = Env.parse(process.env);
const db = openDatabase(DATABASE_PATH);
try {
  const { loaded, skipped } = loadPostcodes(db, file);
  console.log(`Loaded ${loaded} postcodes into ${DATABASE_PATH} (${skipped} rows without coordinates skipped).`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
