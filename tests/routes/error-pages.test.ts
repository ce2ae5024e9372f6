// The error pages. 403 and 404 are asked of the built site (npm run build), as a browser would ask,
// so the status and the page are the ones people get. 409, 429 and 500 are never thrown by a route
// today (the booking, register and sign-in forms show their own 409 and 429 errors), so the root
// ErrorBoundary is rendered for a stub route that throws them, as Remix would hand them over.
import fs from "node:fs";
import path from "node:path";
import { createRemixStub } from "@remix-run/testing";
import i18next from "i18next";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { createStaticHandler } from "react-router-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resources } from "~/i18next.server";
import { ErrorBoundary } from "~/root";
import { DEMO_PASSWORD } from "../../db/seed/demo-staff";
import { BASE_DB, TEST_NOW, TMP_DIR } from "../setup/constants";
import { serveBuilt, type Served } from "../support/serve";
import { HUBS, PEOPLE } from "./staff-helpers";

type Lng = "en" | "ur" | "pl" | "ro" | "ar" | "bn";

/** A text from common.json's "errors", as that language has it. */
function text(lng: Lng, key: string): string {
  const value = (resources[lng].common as { errors: Record<string, string> }).errors[key];
  if (typeof value !== "string") throw new Error(`No errors.${key} in ${lng}`);
  return value;
}
const SERVICE = (lng: Lng) => (resources[lng].common as { layout: { serviceName: string } }).layout.serviceName;

// What React writes for a text node or an attribute.
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const heading = (html: string) => html.match(/<h1 class="govuk-heading-l">([^<]*)<\/h1>/)?.[1] ?? null;
const docTitle = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1] ?? null;
/** The page's own content: the rest of the document carries every common text for the browser. */
const main = (html: string) => html.match(/<main [^>]*>([\s\S]*)<\/main>/)?.[1] ?? "";
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A GOV.UK link to `href` saying `label` (Remix's <Link> adds a data-discover attribute). */
const link = (href: string, label: string) =>
  new RegExp(`<a class="govuk-link"(?: data-discover="true")? href="${escapeRegExp(href)}">${escapeRegExp(escapeHtml(label))}</a>`);

const ENGLISH = {
  forbidden: "You cannot see this page",
  notFound: "Page not found",
  conflict: "This has changed",
  tooMany: "Too many requests",
  server: "Sorry, there is a problem with the service",
};

describe("the error texts", () => {
  it("are translated in every language, not left in English", () => {
    for (const lng of ["ur", "pl", "ro", "ar", "bn"] as const) {
      for (const key of [
        "forbiddenTitle",
        "forbiddenBody",
        "crossSiteRetry",
        "signInAsSomeoneElse",
        "conflictTitle",
        "conflictBody",
        "tooManyTitle",
        "tooManyBody",
      ]) {
        expect(text(lng, key), `${lng} errors.${key}`).not.toBe(text("en", key));
      }
    }
  });
});

describe("the built site's error pages", () => {
  let site: Served | undefined;
  let dbFile: string;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    dbFile = path.join(TMP_DIR, `error-pages-${process.pid}-${Date.now()}.db`);
    fs.copyFileSync(BASE_DB, dbFile);
    site = await serveBuilt(dbFile, { NOW: TEST_NOW });
  }, 90_000);

  afterAll(async () => {
    await site?.stop();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
  });

  /** Signs in through the real sign-in form and keeps the session cookie. */
  async function cookieFor(person: keyof typeof PEOPLE): Promise<string> {
    const cached = cookies.get(person);
    if (cached) return cached;
    const res = await fetch(`${site!.url}/staff/sign-in`, {
      method: "POST",
      headers: { Origin: site!.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: PEOPLE[person], password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    expect(res.status, `signing in as ${person}`).toBe(302);
    const cookie = res.headers.get("set-cookie")?.split(";")[0];
    if (!cookie) throw new Error(`No session cookie for ${person}`);
    cookies.set(person, cookie);
    return cookie;
  }

  async function open(
    url: string,
    options: { as?: keyof typeof PEOPLE; method?: "GET" | "POST"; origin?: string; referer?: string; form?: Record<string, string> } = {},
  ) {
    const headers = new Headers();
    if (options.as) headers.set("Cookie", await cookieFor(options.as));
    if (options.origin) headers.set("Origin", options.origin);
    if (options.referer) headers.set("Referer", options.referer);
    if (options.form) headers.set("Content-Type", "application/x-www-form-urlencoded");
    const res = await fetch(`${site!.url}${url}`, {
      method: options.method ?? (options.form ? "POST" : "GET"),
      headers,
      body: options.form ? new URLSearchParams(options.form) : undefined,
      redirect: "manual",
    });
    const html = await res.text();
    return { status: res.status, html, main: main(html), lang: html.match(/<html lang="(\w+)" dir="(\w+)"/)?.slice(1) ?? null };
  }

  const otherHub = `/staff/hubs/${HUBS.other}/timetable`;
  const ownHub = `/staff/hubs/${HUBS.own}/timetable`;

  it("403: hub staff opening another hub's timetable get the 403 page, not the 500 text", async () => {
    // The same person may open their own hub's, so the 403 is about the hub, not the sign-in.
    expect((await open(ownHub, { as: "staff" })).status).toBe(200);

    const page = await open(otherHub, { as: "staff" });
    expect(page.status).toBe(403);
    expect(heading(page.html)).toBe(ENGLISH.forbidden);
    expect(docTitle(page.html)).toBe(`${ENGLISH.forbidden} – ${SERVICE("en")}`);
    expect(page.main).toContain(escapeHtml(text("en", "forbiddenBody")));
    expect(page.main).not.toContain(ENGLISH.server);
    // A way back into the staff area, and a way to sign in as someone who may see it.
    expect(page.main).toMatch(link("/staff", text("en", "goStaffHome")));
    expect(page.main).toMatch(
      /<form method="post" action="\/staff\/sign-out"[^>]*>\s*<button type="submit" class="app-link-button govuk-link">Sign in as someone else<\/button>/,
    );
    expect(page.lang).toEqual(["en", "ltr"]);
  });

  it("403 in Urdu: the heading and title are Urdu and the page runs right to left", async () => {
    const page = await open(`${otherHub}?lng=ur`, { as: "staff" });
    expect(page.status).toBe(403);
    expect(page.lang).toEqual(["ur", "rtl"]);
    expect(heading(page.html)).toBe(text("ur", "forbiddenTitle"));
    expect(heading(page.html)).not.toBe(ENGLISH.forbidden);
    expect(docTitle(page.html)).toBe(`${text("ur", "forbiddenTitle")} – ${SERVICE("ur")}`);
    expect(page.main).toContain(text("ur", "signInAsSomeoneElse"));
  });

  it("403 for the wrong role: an outreach worker opening a hub timetable, in English and Polish", async () => {
    const en = await open(ownHub, { as: "outreach" });
    expect(en.status).toBe(403);
    expect(heading(en.html)).toBe(ENGLISH.forbidden);

    const pl = await open(`${ownHub}?lng=pl`, { as: "outreach" });
    expect(pl.status).toBe(403);
    expect(pl.lang).toEqual(["pl", "ltr"]);
    expect(heading(pl.html)).toBe(text("pl", "forbiddenTitle"));
    expect(pl.main).toContain(text("pl", "forbiddenBody"));
  });

  it("403 keeps its status for a client-side navigation's data request too", async () => {
    const cookie = await cookieFor("staff");
    const data = (url: string) =>
      fetch(`${site!.url}${url}?_data=${encodeURIComponent("routes/staff.hubs.$slug.timetable")}`, { headers: { Cookie: cookie } });
    const own = await data(ownHub);
    await own.body?.cancel();
    expect(own.status).toBe(200);
    const other = await data(otherHub);
    // The route's own thrown Response (X-Remix-Catch), not Remix refusing the request.
    expect(other.status).toBe(403);
    expect(other.headers.get("x-remix-catch")).toBe("yes");
    expect(await other.text()).toBe("Forbidden");
  });

  // A browser's cross-site post without an Origin header (only a Referer) reaches the app's own
  // check (assertSameOrigin), which throws the 403 that this page is for.
  const ELSEWHERE = "https://elsewhere.example/a-page";

  it("403 for a cross-site form post: the 403 page says to go back and try again", async () => {
    // A signed-in member of staff, sent by another site's form to add a series at their own hub.
    const page = await open(`/staff/series/new?venue=${HUBS.own}`, { as: "staff", referer: ELSEWHERE, form: { title: "From elsewhere" } });
    expect(page.status).toBe(403);
    expect(heading(page.html)).toBe(ENGLISH.forbidden);
    expect(page.main).toContain(escapeHtml(text("en", "crossSiteRetry")));
    expect(page.main).not.toContain(escapeHtml(text("en", "forbiddenBody")));
    expect(page.main).not.toContain(ENGLISH.server);
    // Signing in as someone else would not help here.
    expect(page.main).not.toContain("/staff/sign-out");
    expect(page.main).toMatch(link("/staff", text("en", "goStaffHome")));
    // The same form sent from this site is let through (to the form's own errors).
    expect((await open(`/staff/series/new?venue=${HUBS.own}`, { as: "staff", origin: site!.url, form: { title: "" } })).status).toBe(400);
  });

  it("403 for a cross-site sign-in, in Polish: nobody is signed in", async () => {
    const res = await fetch(`${site!.url}/staff/sign-in?lng=pl`, {
      method: "POST",
      headers: { Referer: ELSEWHERE, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: PEOPLE.staff, password: DEMO_PASSWORD }),
      redirect: "manual",
    });
    const html = await res.text();
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie") ?? "").not.toContain("fh_staff=");
    expect(html).toMatch(/<html lang="pl" dir="ltr"/);
    expect(heading(html)).toBe(text("pl", "forbiddenTitle"));
    expect(main(html)).toContain(text("pl", "crossSiteRetry"));
  });

  // With an Origin header from another site (what browsers send), Remix's own guard
  // (throwIfPotentialCSRFAttack) would answer an empty 500 first; server.ts answers instead, by
  // having the root loader throw this 403 for the same page, never running the action.
  it("403 page for a cross-site form post that carries an Origin header", async () => {
    const page = await open(`/staff/series/new?venue=${HUBS.own}`, {
      as: "staff",
      origin: "https://elsewhere.example",
      form: { title: "From elsewhere" },
    });
    expect(page.status).toBe(403);
    expect(heading(page.html)).toBe(ENGLISH.forbidden);
    expect(page.main).toContain(escapeHtml(text("en", "crossSiteRetry")));
  });

  it("404: an unknown address, in English and Arabic", async () => {
    const en = await open("/no-such-page");
    expect(en.status).toBe(404);
    expect(heading(en.html)).toBe(ENGLISH.notFound);
    expect(docTitle(en.html)).toBe(`${ENGLISH.notFound} – ${SERVICE("en")}`);
    expect(en.main).toContain(escapeHtml(text("en", "notFoundBody")));
    expect(en.main).toMatch(link("/", text("en", "goHome")));

    const ar = await open("/no-such-page?lng=ar");
    expect(ar.status).toBe(404);
    expect(ar.lang).toEqual(["ar", "rtl"]);
    expect(heading(ar.html)).toBe(text("ar", "notFoundTitle"));
    expect(docTitle(ar.html)).toBe(`${text("ar", "notFoundTitle")} – ${SERVICE("ar")}`);
  });

  it("404 in the staff area leads back to the staff area", async () => {
    const page = await open("/staff/hubs/no-such-hub/timetable", { as: "staff" });
    expect(page.status).toBe(404);
    expect(heading(page.html)).toBe(ENGLISH.notFound);
    expect(page.main).toMatch(link("/staff", text("en", "goStaffHome")));
  });
});

describe("the root ErrorBoundary for statuses no route throws today", () => {
  /**
   * Runs a stub route whose loader throws, the way Remix's server does (status and error as Remix
   * hands them to the boundary), then server-renders the root ErrorBoundary with that error.
   */
  async function render(url: string, thrown: () => never, lng: Lng) {
    const pattern = new URL(url, "http://localhost").pathname;
    const handler = createStaticHandler([{ id: "page", path: pattern, loader: () => thrown(), hasErrorBoundary: true }]);
    const context = await handler.query(new Request(`http://localhost${url}`));
    if (context instanceof Response) throw new Error("The stub answered with a Response");
    const i18n = i18next.createInstance();
    await i18n.use(initReactI18next).init({ lng, fallbackLng: "en", defaultNS: "common", resources, interpolation: { escapeValue: false } });
    const Stub = createRemixStub([{ id: "page", path: pattern, Component: () => null, ErrorBoundary, loader: () => null }]);
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const html = renderToString(
        createElement(
          I18nextProvider,
          { i18n },
          createElement(Stub, { initialEntries: [url], hydrationData: { loaderData: {}, errors: context.errors } }),
        ),
      );
      // The stub renders the boundary alone, so all of it is the page's content.
      return { status: context.statusCode, html, main: html };
    } finally {
      quiet.mockRestore();
    }
  }
  const throwStatus =
    (status: number, body = "") =>
    () => {
      throw new Response(body, { status });
    };

  it("409: 'This has changed', with a link that reloads the page, in English and Romanian", async () => {
    const en = await render("/staff/series/12?week=2026-11-23", throwStatus(409, "Conflict"), "en");
    expect(en.status).toBe(409);
    expect(heading(en.html)).toBe(ENGLISH.conflict);
    expect(en.main).toContain(escapeHtml(text("en", "conflictBody")));
    expect(en.main).toMatch(link("/staff/series/12?week=2026-11-23", text("en", "reload")));
    expect(en.main).not.toContain(ENGLISH.server);

    const ro = await render("/staff/series/12", throwStatus(409), "ro");
    expect(heading(ro.html)).toBe(text("ro", "conflictTitle"));
    expect(ro.html).toContain(text("ro", "conflictBody"));
  });

  it("429: 'Too many requests', wait a few minutes, in English and Bengali", async () => {
    const en = await render("/sessions/1/book", throwStatus(429, "Too many"), "en");
    expect(en.status).toBe(429);
    expect(heading(en.html)).toBe(ENGLISH.tooMany);
    expect(en.main).toContain(escapeHtml(text("en", "tooManyBody")));
    expect(en.main).toMatch(link("/", text("en", "goHome")));

    const bn = await render("/sessions/1/book", throwStatus(429), "bn");
    expect(heading(bn.html)).toBe(text("bn", "tooManyTitle"));
    expect(bn.html).toContain(text("bn", "tooManyBody"));
  });

  it("500: an unexpected error keeps today's text, in English and Urdu", async () => {
    const en = await render(
      "/hubs",
      () => {
        throw new Error("the database is unwell");
      },
      "en",
    );
    expect(en.status).toBe(500);
    expect(heading(en.html)).toBe(ENGLISH.server);
    expect(en.main).toContain(escapeHtml(text("en", "serverBody")));
    expect(en.main).not.toContain("the database is unwell");

    const ur = await render("/hubs", throwStatus(500), "ur");
    expect(ur.status).toBe(500);
    expect(heading(ur.html)).toBe(text("ur", "serverTitle"));
  });

  it("any other status gets the 500 text", async () => {
    for (const status of [400, 401, 418, 503]) {
      const page = await render("/hubs", throwStatus(status), "en");
      expect(page.status, String(status)).toBe(status);
      expect(heading(page.html), String(status)).toBe(ENGLISH.server);
    }
  });

  it("403 on a public page: no staff links, the start page instead", async () => {
    const page = await render("/sessions/1/book", throwStatus(403, "Forbidden: cross-site request"), "pl");
    expect(page.status).toBe(403);
    expect(heading(page.html)).toBe(text("pl", "forbiddenTitle"));
    expect(page.main).toContain(text("pl", "crossSiteRetry"));
    expect(page.main).toContain(`href="/"`);
    expect(page.main).not.toContain(`href="/staff"`);
    expect(page.main).not.toContain("/staff/sign-out");
  });
});
