// The server's route matching is patched (app/patches/, decision 022) to rank a route tree's
// branches once and compile each pattern once. A cached answer must be the answer afresh: for
// every path, whatever was matched before it, and after a tree is patched in place.
import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The CommonJS build is the one the server runs (the browser's bundle is not patched).
const require = createRequire(import.meta.url);
const router = require("@remix-run/router") as typeof import("@remix-run/router");

type Route = { id: string; path?: string; index?: true; caseSensitive?: boolean; children?: Route[] };

// Shaped as the site's tree is: a root layout, pathless layouts, index routes, static paths
// beside dynamic ones, deep staff paths, an optional segment and a splat.
const tree = (): Route[] => [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "search", path: "search" },
      { id: "session", path: "sessions/:id" },
      { id: "session-book", path: "sessions/:id/book" },
      { id: "session-ics", path: "sessions/:id.ics" },
      {
        id: "hubs",
        path: "hubs",
        children: [
          { id: "hubs-index", index: true },
          { id: "hub", path: ":slug" },
        ],
      },
      {
        id: "staff",
        path: "staff",
        children: [
          { id: "staff-index", index: true },
          { id: "register", path: "hubs/:hubId/sessions/:occurrenceId/register" },
          { id: "reports", path: "reports/:period?" },
        ],
      },
      { id: "Case", path: "Case", caseSensitive: true },
      { id: "splat", path: "*" },
    ],
  },
];

const leaf = (routes: Route[], path: string) => router.matchRoutes(routes as never, path)?.at(-1)?.route.id ?? null;

const expected: [string, string][] = [
  ["/", "home"],
  ["/search", "search"],
  ["/sessions/12", "session"],
  ["/sessions/12/book", "session-book"],
  ["/sessions/12.ics", "session-ics"],
  ["/hubs", "hubs-index"],
  ["/hubs/erdington", "hub"],
  ["/staff", "staff-index"],
  ["/staff/hubs/3/sessions/40/register", "register"],
  ["/staff/reports", "reports"],
  ["/staff/reports/2026-q3", "reports"],
  ["/Case", "Case"],
  ["/case", "splat"],
  ["/nowhere/at/all", "splat"],
];

describe("route matching (patched @remix-run/router)", () => {
  it("is the patched build: npm's postinstall applied app/patches", () => {
    const file = require.resolve("@remix-run/router");
    expect(fs.readFileSync(file, "utf8")).toContain("rankedBranchCache");
  });

  it("matches each path to its route, in any order, many times over one tree", () => {
    const routes = tree();
    const order = [...expected, ...[...expected].reverse(), ...expected];
    for (const [path, id] of order) expect([path, leaf(routes, path)]).toEqual([path, id]);
    // A second tree of the same shape answers the same.
    for (const [path, id] of expected) expect(leaf(tree(), path)).toBe(id);
  });

  it("compiles a pattern once for each case-sensitivity and end", () => {
    expect(router.matchPath({ path: "/staff", end: false }, "/staff/reports")?.pathnameBase).toBe("/staff");
    expect(router.matchPath({ path: "/staff", end: true }, "/staff/reports")).toBeNull();
    expect(router.matchPath({ path: "/staff", end: false }, "/staff/reports")).not.toBeNull();
    expect(router.matchPath({ path: "/Case", caseSensitive: true }, "/case")).toBeNull();
    expect(router.matchPath({ path: "/Case", caseSensitive: false }, "/case")).not.toBeNull();
    expect(router.matchPath({ path: "/Case", caseSensitive: true }, "/case")).toBeNull();
    expect(router.matchPath("/sessions/:id", "/sessions/7")?.params).toEqual({ id: "7" });
    expect(router.matchPath("/sessions/:id", "/sessions/8")?.params).toEqual({ id: "8" });
  });

  it("sees routes added to a tree in place (patchRoutes, as lazy route discovery does)", () => {
    const history = router.createMemoryHistory({ initialEntries: ["/"] });
    const app = router.createRouter({ routes: tree() as never, history }).initialize();
    try {
      const before = app.routes;
      expect(leaf(before as never, "/feedback")).toBe("splat");
      // The root route's own children grow in place, so the tree matched above changes too.
      app.patchRoutes("root", [{ id: "feedback", path: "feedback" }] as never);
      expect(leaf(before as never, "/feedback")).toBe("feedback");
      expect(leaf(app.routes as never, "/feedback")).toBe("feedback");
      expect(leaf(before as never, "/search")).toBe("search");
    } finally {
      app.dispose();
    }
  });
});
