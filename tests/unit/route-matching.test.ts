// The server's routing is patched (app/patches/, decision 022) to rank a route tree's branches
// once, compile each pattern once, and make the rendered tree once. A cached answer must be the
// answer afresh: for every path, whatever was matched before it, and after a tree is patched in
// place. A match tries only the branches whose fixed first segment the path starts with.
import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The CommonJS build is the one the server runs (the browser's bundle is not patched).
const require = createRequire(import.meta.url);
const router = require("@remix-run/router") as typeof import("@remix-run/router");

type Route = { id: string; path?: string; index?: true; caseSensitive?: boolean; children?: Route[] };

// Shaped as the site's tree is: a root layout, pathless layouts, index routes, static paths
// beside dynamic ones, deep staff paths, an optional segment, a dotted path, a parameter first
// and a splat.
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
          { id: "reports-csv", path: "reports.csv" },
        ],
      },
      { id: "Case", path: "Case", caseSensitive: true },
      { id: "api", path: "api/services/:id" },
      { id: "lang-help", path: ":lang/help" },
      { id: "splat", path: "*" },
    ],
  },
];

const leaf = (routes: Route[], path: string) => {
  const last = router.matchRoutes(routes as never, path)?.at(-1);
  return last ? [last.route.id, JSON.parse(JSON.stringify(last.params))] : null;
};

// What @remix-run/router 1.23.3 unpatched answers for each path: the leaf route and its params.
// Double slashes, trailing slashes, case, encoded and non-ASCII text where a fixed first segment
// could be mistaken, and a fixed first segment that a parameter may also take (/search/help).
const expected: [string, string, Record<string, string>][] = [
  ["/", "home", {}],
  ["//", "home", {}],
  ["/search", "search", {}],
  ["/SEARCH", "search", {}],
  ["/Search/", "search", {}],
  ["/search//", "search", {}],
  ["//search", "splat", { "*": "/search" }],
  ["/search/x", "splat", { "*": "search/x" }],
  ["/searchx", "splat", { "*": "searchx" }],
  ["/sessions/12", "session", { id: "12" }],
  ["/sessions/12/", "session", { id: "12" }],
  ["/sessions/12/book", "session-book", { id: "12" }],
  ["/sessions/12.ics", "session-ics", { id: "12" }],
  ["/sessions/%31%32", "session", { id: "12" }],
  ["/sessions/a%2Fb", "session", { id: "a/b" }],
  ["/hubs", "hubs-index", {}],
  ["/hubs/", "hubs-index", {}],
  ["/HUBS/erdington", "hub", { slug: "erdington" }],
  ["/hubs/erdington", "hub", { slug: "erdington" }],
  ["/hubs/erd%20ington", "hub", { slug: "erd ington" }],
  ["/staff", "staff-index", {}],
  ["/staff/", "staff-index", {}],
  ["/staff/hubs/3/sessions/40/register", "register", { hubId: "3", occurrenceId: "40" }],
  ["/staff/reports", "reports", {}],
  ["/staff/reports/2026-q3", "reports", { period: "2026-q3" }],
  ["/staff/reports.csv", "reports-csv", {}],
  ["/staff/REPORTS.CSV", "reports-csv", {}],
  ["/Case", "Case", {}],
  ["/case", "splat", { "*": "case" }],
  ["/api/services/abc", "api", { id: "abc" }],
  ["/en/help", "lang-help", { lang: "en" }],
  ["/search/help", "lang-help", { lang: "search" }],
  ["/nowhere/at/all", "splat", { "*": "nowhere/at/all" }],
  ["/%E2%82%AC", "splat", { "*": "\u20ac" }],
  ["/\u212aase", "splat", { "*": "\u212aase" }],
  ["/s\u0131ession/1", "splat", { "*": "s\u0131ession/1" }],
];

describe("route matching (patched @remix-run/router)", () => {
  it.each([
    ["@remix-run/router", "rankedBranchCache"],
    ["react-router-dom/server", "staticDataRoutes"],
    ["@remix-run/react/dist/server.js", "serverRoutesMade"],
  ])("is the patched build of %s: npm's postinstall applied app/patches", (name, marker) => {
    expect(fs.readFileSync(require.resolve(name), "utf8")).toContain(marker);
  });

  it("makes a static router's data routes once per tree, and its matches for each request", async () => {
    const { createStaticHandler, createStaticRouter } = require("react-router-dom/server") as typeof import("react-router-dom/server");
    const routes = tree() as never;
    const handler = createStaticHandler(routes);
    const contextFor = async (path: string) => {
      const context = await handler.query(new Request(`http://localhost${path}`));
      if (context instanceof Response) throw new Error(`${path} answered ${context.status}`);
      return context;
    };
    const search = createStaticRouter(routes, await contextFor("/search"));
    const hub = createStaticRouter(routes, await contextFor("/hubs/erdington"));
    expect(hub.routes).toBe(search.routes);
    expect(search.state.matches.map((m) => m.route.id)).toEqual(["root", "search"]);
    expect(hub.state.matches.map((m) => m.route.id)).toEqual(["root", "hubs", "hub"]);
    expect(hub.state.matches[2].params).toEqual({ slug: "erdington" });
    // The matches carry the data routes the router renders, not the handler's own.
    expect(hub.state.matches[2].route).toBe(hub.routes[0].children?.[5].children?.[1]);
    // Another tree gets its own.
    expect(createStaticRouter(tree() as never, await contextFor("/search")).routes).not.toBe(search.routes);
  });

  it("matches each path to its route, in any order, many times over one tree", () => {
    const routes = tree();
    const order = [...expected, ...[...expected].reverse(), ...expected];
    for (const [path, id, params] of order) expect([path, leaf(routes, path)]).toEqual([path, [id, params]]);
    // A second tree of the same shape answers the same.
    for (const [path, id, params] of expected) expect(leaf(tree(), path)).toEqual([id, params]);
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
      expect(leaf(before as never, "/feedback")?.[0]).toBe("splat");
      // The root route's own children grow in place, so the tree matched above changes too.
      app.patchRoutes("root", [{ id: "feedback", path: "feedback" }] as never);
      expect(leaf(before as never, "/feedback")?.[0]).toBe("feedback");
      expect(leaf(app.routes as never, "/feedback")?.[0]).toBe("feedback");
      expect(leaf(before as never, "/search")?.[0]).toBe("search");
    } finally {
      app.dispose();
    }
  });
});
