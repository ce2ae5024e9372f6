// Page weight: gzipped HTML and JavaScript each page makes a phone download on a first visit.
// Starts the built site (npm run build first) on its own fresh database and reads pages over HTTP.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { ROOT } from "../setup/constants";
import { serveBuilt } from "../support/serve";

/** Issue 6: a bare Remix v2 page ships ~85 KB gzipped; list pages may add at most 35 KB. */
export const JS_LIMIT_KB = 120;
/** HTML for a page of 20 results. */
export const HTML_LIMIT_KB = 60;

const gz = (body: Buffer | string) => zlib.gzipSync(body).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** Scripts a first visit downloads: module scripts and modulepreloads, resolved against the site. */
export function scriptUrls(html: string, base: string): string[] {
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
      console.log(`  ${"map, when opened (extra)".padEnd(28)} JS ${kb(mapJs).padStart(6)} KB`);
    }
    return ok;
  } finally {
    await site.stop();
  }
}
