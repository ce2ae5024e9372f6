// Decision 012: pages that need no client behaviour ship no framework JavaScript; the results page
// keeps it inert in a template until the map is asked for; staff pages hydrate as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSite, type Site } from "./harness";

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

const html = async (path: string) => (await fetch(site.url + path)).text();
const withoutTemplate = (page: string) => page.replace(/<template id="app-hydrate">[\s\S]*?<\/template>/, "");
const frameworkScripts = (page: string) => page.match(/<script[^>]+type="module"|<link[^>]+rel="modulepreload"|window\.__remixContext/g) ?? [];

describe("which pages load React", () => {
  it("ships none on the home, session, booking form, hubs list and privacy pages", async () => {
    const results = await html("/search?postcode=B23+6SY&quick=stay-and-play");
    const book = /href="(\/sessions\/\d+\/book\?occurrence=\d+)"/.exec(results)![1];
    for (const path of ["/", book.replace(/\/book\?.*$/, ""), book, "/hubs", "/privacy"]) {
      const page = await html(path);
      expect(frameworkScripts(page), path).toEqual([]);
      expect(page, path).not.toContain('id="app-hydrate"');
    }
  });

  it("keeps the results page's framework inert until a tap on the map asks for it", async () => {
    const page = await html("/search?postcode=B23+6SY");
    expect(frameworkScripts(withoutTemplate(page))).toEqual([]);
    expect(frameworkScripts(page).length).toBeGreaterThan(0);
    expect(page).toMatch(/data-hydrate/);
  });

  it("hydrates staff pages at once", async () => {
    expect(frameworkScripts(await html("/staff/sign-in")).length).toBeGreaterThan(0);
  });
});
