// Page weight: gzipped HTML and JavaScript each page makes a phone download on a first visit.
// Starts the built site (npm run build first) on its own fresh database and reads pages over HTTP.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { ROOT } from "../setup/constants";
import { serveBuilt } from "../support/serve";
import { printJourneyCost } from "./journey-cost";

/** Issue 6: a bare Remix v2 page ships ~85 KB gzipped; list pages may add at most 35 KB. */
export const JS_LIMIT_KB = 120;
/** HTML for a page of 20 results. */
export const HTML_LIMIT_KB = 60;
/** Issue 14: a first results page on pay-as-you-go data, HTML + CSS + JavaScript (decision 012). */
export const FIRST_PAGE_LIMIT_KB = 40;
/** Issue 14: each page after it (session, booking form, confirmation), with what is cached reused. */
export const NEXT_PAGE_LIMIT_KB = 12;

const gz = (body: Buffer | string) => zlib.gzipSync(body).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * Scripts a first visit downloads: module scripts and modulepreloads, resolved against the site.
 * Those waiting in the hydrate-on-demand template (utils/light-pages) are not fetched until a tap.
 */
export function scriptUrls(html: string, base: string): string[] {
  html = html.replace(/<template id="app-hydrate">[\s\S]*?<\/template>/, "");
  const urls = new Set<string>();
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) urls.add(new URL(m[1], base).href);
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) urls.add(new URL(m[1], base).href);
  // Remix's inline module script imports the manifest and entry by absolute path.
  for (const m of html.matchAll(/import\s*(?:[\w*{}\s,]+from\s*)?"(\/build\/[^"]+\.js)"/g)) urls.add(new URL(m[1], base).href);
  return [...urls];
}

export async function measurePageWeights(dir: string): Promise<boolean> {
  if (!fs.existsSync(path.join(ROOT, "build/index.js"))) {
    console.log("page weight: skipped — run `npm run build` first");
    return true;
  }
  const site = await serveBuilt(path.join(dir, "weight.db"));
  const base = site.url;
  try {
    const get = async (p: string) => {
      const res = await fetch(base + p, { redirect: "manual" });
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
      return Buffer.from(await res.arrayBuffer());
    };
    // Real ids from the site itself, so the figures follow the demo data.
    const results = (await get("/search?postcode=B23+6SY")).toString();
    const sessionPath = results.match(/href="(\/sessions\/\d+)"/)?.[1];
    const hubPath = (await get("/hubs")).toString().match(/href="(\/hubs\/[\w-]+)"/)?.[1];
    if (!sessionPath || !hubPath) throw new Error(`no session link on the results page or hub link on /hubs (${sessionPath}, ${hubPath})`);
    const sessionHtml = (await get(sessionPath)).toString();
    const bookPath = sessionHtml.match(/href="(\/sessions\/\d+\/book[^"]*)"/)?.[1]?.replace(/&amp;/g, "&");

    const pages: { label: string; path: string; list?: boolean }[] = [
      { label: "home", path: "/" },
      { label: "results, 20 per page (en)", path: "/search?postcode=B23+6SY", list: true },
      { label: "results, 20 per page (ur)", path: "/search?postcode=B23+6SY&lng=ur", list: true },
      { label: "hubs list", path: "/hubs", list: true },
      { label: "hub", path: hubPath },
      { label: "session", path: sessionPath },
      ...(bookPath ? [{ label: "booking form", path: bookPath }] : []),
    ];

    const jsCache = new Map<string, number>();
    let ok = true;
    console.log(`page weight (gzipped; limits: JS ${JS_LIMIT_KB} KB on list pages, HTML ${HTML_LIMIT_KB} KB for 20 results):`);
    for (const page of pages) {
      const html = await get(page.path);
      let js = 0;
      for (const url of scriptUrls(html.toString(), base)) {
        if (!jsCache.has(url)) jsCache.set(url, gz(await get(new URL(url).pathname)));
        js += jsCache.get(url)!;
      }
      const htmlGz = gz(html);
      const over = page.list && (js / 1024 > JS_LIMIT_KB || htmlGz / 1024 > HTML_LIMIT_KB);
      if (over) ok = false;
      console.log(
        `  ${page.label.padEnd(28)} HTML ${kb(htmlGz).padStart(5)} KB (${kb(html.length)} KB raw)  JS ${kb(js).padStart(6)} KB${over ? "  OVER THE LIMIT" : ""}`,
      );
    }
    ok = (await journeyBudget(base, get, jsCache)) && ok;
    ok = (await printJourneyCost(base)) && ok;
    // The map is fetched only when someone opens it.
    const manifest = fs.readFileSync(path.join(ROOT, "build/metafile.js.json"), "utf8");
    const meta = JSON.parse(manifest) as { outputs: Record<string, { entryPoint?: string; imports: { path: string }[] }> };
    const mapChunk = Object.entries(meta.outputs).find(([, o]) => o.entryPoint?.endsWith("map.client.tsx"));
    if (mapChunk) {
      const files = new Set<string>([mapChunk[0]]);
      for (const imp of mapChunk[1].imports) if (imp.path.endsWith(".js")) files.add(imp.path);
      let mapJs = 0;
      for (const f of files) {
        const url = `/build/${path.relative("public/build", f)}`;
        if (!jsCache.has(base + url)) mapJs += gz(await get(url));
      }
      console.log(`  ${"map, when opened (extra)".padEnd(28)} JS ${kb(mapJs).padStart(6)} KB (React and Leaflet, fetched at the tap)`);
    }
    return ok;
  } finally {
    await site.stop();
  }
}

/** Stylesheets a page links to, resolved against the site. */
function stylesheetUrls(html: string, base: string): string[] {
  return [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => new URL(m[1], base).href);
}

/**
 * What a family pays for the booking journey on a phone (issue 14): the first results page with
 * everything it loads, then each page after it with only what the browser does not have yet.
 */
async function journeyBudget(base: string, get: (p: string) => Promise<Buffer>, jsCache: Map<string, number>): Promise<boolean> {
  const cached = new Set<string>();
  const cost = async (html: Buffer) => {
    let bytes = gz(html);
    for (const url of [...stylesheetUrls(html.toString(), base), ...scriptUrls(html.toString(), base)]) {
      if (cached.has(url)) continue;
      cached.add(url);
      if (!jsCache.has(url)) jsCache.set(url, gz(await get(new URL(url).pathname)));
      bytes += jsCache.get(url)!;
    }
    return bytes;
  };
  const results = await get("/search?postcode=B23+6SY&quick=stay-and-play");
  const bookPath = results.toString().match(/href="(\/sessions\/\d+\/book\?occurrence=\d+)"/)?.[1];
  if (!bookPath) throw new Error("no bookable stay-and-play this week near B23 6SY");
  const sessionPath = bookPath.replace(/\/book\?.*$/, "");
  const session = await get(sessionPath);
  const form = await get(bookPath);
  const submission = form.toString().match(/name="submission" value="([^"]+)"/)?.[1] ?? "";
  const child = form.toString().match(/<select[^>]+name="child1"[\s\S]*?<option value="(\d+|expecting)"/)?.[1] ?? "";
  const posted = await fetch(base + bookPath, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({
      submission,
      occurrence: bookPath.split("=")[1],
      child1: child,
      adults: "1",
      name: "Bench",
      contact: "weight@example.org",
      consent: "yes",
      website: "",
    }),
  });
  const confirmation = posted.headers.get("location");
  if (!confirmation) throw new Error(`the booking was not made (${posted.status})`);
  const steps = [
    { label: "first results page", html: results, limit: FIRST_PAGE_LIMIT_KB },
    { label: "then the session page", html: session, limit: NEXT_PAGE_LIMIT_KB },
    { label: "then the booking form", html: form, limit: NEXT_PAGE_LIMIT_KB },
    { label: "then the confirmation", html: await get(confirmation), limit: NEXT_PAGE_LIMIT_KB },
  ];
  let ok = true;
  console.log(
    `booking journey on a phone (gzipped HTML + CSS + JS not yet downloaded; limits ${FIRST_PAGE_LIMIT_KB} KB, then ${NEXT_PAGE_LIMIT_KB} KB a page):`,
  );
  for (const step of steps) {
    const bytes = await cost(step.html);
    const over = bytes / 1024 > step.limit;
    if (over) ok = false;
    console.log(`  ${step.label.padEnd(28)} ${kb(bytes).padStart(5)} KB${over ? "  OVER THE BUDGET" : ""}`);
  }
  return ok;
}
