// The role × route matrix: every staff route, for every role, at the own hub and at another hub,
// and signed out. A staff route without an entry here fails the test.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { AccessEntry } from "./access/types";
import { classify, HUBS, PEOPLE, type Hub, type Person } from "./staff-helpers";

const entries: AccessEntry[] = [];
const accessDir = path.join(__dirname, "access");
for (const file of fs.readdirSync(accessDir).filter((f) => f.endsWith(".ts") && f !== "types.ts")) {
  const mod = (await import(path.join(accessDir, file))) as { ACCESS?: AccessEntry[] };
  entries.push(...(mod.ACCESS ?? []));
}

// A route is a file (staff.audit.tsx) or a folder with its route module inside
// (staff.occurrences.$id.register/route.tsx); either way its name is the one without ".tsx".
const ROUTES_DIR = path.resolve(__dirname, "../../app/routes");
const routeModule = (entry: fs.Dirent) =>
  entry.isDirectory()
    ? ["route.tsx", "route.ts"].map((f) => path.join(entry.name, f)).find((f) => fs.existsSync(path.join(ROUTES_DIR, f)))
    : /\.tsx?$/.test(entry.name)
      ? entry.name
      : undefined;
const staffRoutes = fs
  .readdirSync(ROUTES_DIR, { withFileTypes: true })
  .filter((entry) => /^staff([._].*)?$/.test(entry.name.replace(/\.tsx?$/, "")))
  .flatMap((entry) => {
    const file = routeModule(entry);
    return file ? [{ route: entry.name.replace(/\.tsx?$/, ""), file }] : [];
  })
  .map(({ route, file }) => {
    const source = fs.readFileSync(path.join(ROUTES_DIR, file), "utf8");
    return {
      route,
      methods: [
        ...(/export (async )?function loader/.test(source) ? ["GET"] : []),
        ...(/export (async )?function action/.test(source) ? ["POST"] : []),
      ],
    };
  });

describe("staff access", () => {
  it("has an entry for every staff route and method", () => {
    const missing = staffRoutes.flatMap((r) =>
      r.methods.filter((m) => !entries.some((e) => e.route === r.route && e.method === m)).map((m) => `${m} ${r.route}`),
    );
    expect(missing).toEqual([]);
  });

  const people = ["signedOut", ...Object.keys(PEOPLE)] as Person[];
  for (const entry of entries) {
    it(`${entry.method} ${entry.route}`, async () => {
      const answers: string[] = [];
      const expected: string[] = [];
      for (const person of people) {
        for (const hub of Object.keys(HUBS) as Hub[]) {
          const want = entry.expect[person];
          expected.push(`${person}@${hub}: ${typeof want === "string" ? want : want[hub]}`);
          answers.push(`${person}@${hub}: ${classify(await entry.call(person, hub))}`);
        }
      }
      expect(answers).toEqual(expected);
    });
  }
});
