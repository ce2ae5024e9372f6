// Share pages (session, hub, search) and printed timetables (hub and locality weeks, hub month),
// against a real SQLite file holding the sample data. Today is Tuesday 24 November 2026 (2026-W48).
import { createRemixStub } from "@remix-run/testing";
import i18next from "i18next";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it, vi } from "vitest";
import { segments, smsEncoding } from "~/domain/share";
import { resources } from "~/i18next.server";
import { loader as hubShareLoader } from "~/routes/hubs.$slug_.share";
import MonthPage, { loader as hubMonthLoader } from "~/routes/hubs.$slug_.timetable.month";
import PrintHubPage, { loader as hubPrintLoader } from "~/routes/hubs.$slug_.timetable.print";
import PrintLocalityPage, { loader as localityPrintLoader } from "~/routes/localities.$slug_.timetable.print";
import ShareSessionPage, { loader as sessionShareLoader } from "~/routes/sessions.$id.share";
import ShareSearchPage, { loader as searchShareLoader } from "~/routes/share";
import { getDb } from "~/utils/db.server";

const db = getDb();
const SITE = "http://localhost:3000";
const HUB = "erdington-family-hub";

type Loader = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;

async function call(loader: Loader, path: string, params: Record<string, string> = {}) {
  const response = await loader({ request: new Request(`http://localhost${path}`), params, context: {} });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, data: (await response.json()) as any };
}

async function thrown(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as Response;
  }
  throw new Error("expected the loader to throw");
}

const hub = db.$client.prepare("SELECT id, name, postcode FROM venues WHERE slug = ?").get(HUB) as {
  id: number;
  name: string;
  postcode: string;
};
const session = db.$client
  .prepare("SELECT id, title FROM session_series WHERE venue_id = ? AND status = 'active' AND title = 'Stay and Play'")
  .get(hub.id) as { id: number; title: string };

function expectSafeSvg(svg: string) {
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg).toContain("<path");
  expect(svg).toContain('aria-hidden="true"');
  expect(svg).not.toMatch(/<script|javascript:|\son\w+=/i);
}

describe("share a session", () => {
  const share = (id: number | string, query = "") => call(sessionShareLoader as Loader, `/sessions/${id}/share${query}`, { id: String(id) });

  it("gives the link with the family's language, a QR code, a text message and an email", async () => {
    const { status, data } = await share(session.id);
    expect(status).toBe(200);
    const link = `${SITE}/sessions/${session.id}?lng=en`;
    expect(data.share.link).toBe(link);
    expectSafeSvg(data.share.qr);
    expect(data.share.sms.text).toContain(session.title);
    expect(data.share.sms.text).toContain(hub.name);
    expect(data.share.sms.text).toContain("every Wednesday");
    expect(data.share.sms.text.endsWith(link)).toBe(true);
    expect(data.share.sms.length).toBeLessThanOrEqual(160);
    expect(data.share.sms.segments).toBe(1);
    expect(data.share.sms.href).toBe(`sms:?&body=${encodeURIComponent(data.share.sms.text)}`);
    expect(data.share.email.href.startsWith("mailto:?subject=")).toBe(true);
    expect(decodeURIComponent(data.share.email.href)).toContain(link);
    expect(data.share.email.subject).toContain(session.title);
    expect(data.title).toContain("Share Stay and Play");
  });

  it("writes the message in Urdu for the family while the page stays in English", async () => {
    const { status, data } = await share(session.id, "?lang=ur&lng=en");
    expect(status).toBe(200);
    expect(data.pageLang).toBe("en");
    expect(data.familyLang).toBe("ur");
    expect(data.share.link).toBe(`${SITE}/sessions/${session.id}?lng=ur`);
    expect(data.share.sms.text).toMatch(/[\u0600-\u06FF]/);
    expect(data.share.sms.text).toContain("ہر بدھ");
    expect(smsEncoding(data.share.sms.text)).toBe("ucs2");
    expect(data.share.sms.segments).toBe(segments(data.share.sms.text));
    expect(data.share.email.body).toContain("فیملی ہبز");
    expect(data.title).toContain("Share");
  });

  // Every sample series, one loader call each: it can take more than five seconds on a busy machine.
  it("keeps every sample session's English text to one message", async () => {
    const ids = db.$client.prepare("SELECT id FROM session_series WHERE status = 'active'").all() as { id: number }[];
    expect(ids.length).toBeGreaterThan(20);
    for (const { id } of ids) {
      const { data } = await share(id);
      expect(data.share.sms.segments, data.share.sms.text).toBe(1);
      expect(data.share.sms.text).toContain(data.share.link);
    }
  }, 30_000);

  it("refuses a language it does not offer, with a 400 and a message", async () => {
    const { status, data } = await share(session.id, "?lang=xx");
    expect(status).toBe(400);
    expect(data.error).toBe("Choose a language from the list");
    expect(data.share).toBeNull();
    expect(data.title.startsWith("Error: ")).toBe(true);
  });

  it.each(["999999", "abc", "-1"])("says not found for session %s", async (id) => {
    const response = await thrown(share(id));
    expect(response.status).toBe(404);
  });
});

describe("share a hub", () => {
  const share = (slug: string, query = "") => call(hubShareLoader as Loader, `/hubs/${slug}/share${query}`, { slug });

  it("gives the hub's link, QR code, text message with its address, and print links", async () => {
    const { status, data } = await share(HUB);
    expect(status).toBe(200);
    expect(data.share.link).toBe(`${SITE}/hubs/${HUB}?lng=en`);
    expectSafeSvg(data.share.qr);
    expect(data.share.sms.text).toContain(hub.name);
    expect(data.share.sms.text).toContain(hub.postcode);
    expect(data.share.sms.segments).toBe(1);
    expect(data.thisWeek).toBe("2026-W48");
    expect(data.nextWeek).toBe("2026-W49");
    expect(data.thisMonth).toBe("2026-11");
  });

  it("writes the message in Urdu", async () => {
    const { data } = await share(HUB, "?lang=ur");
    expect(data.share.link).toBe(`${SITE}/hubs/${HUB}?lng=ur`);
    expect(data.share.sms.text).toMatch(/[\u0600-\u06FF]/);
  });

  it.each(["no-such-hub", "Bad Slug!"])("says not found for %s", async (slug) => {
    const response = await thrown(share(slug));
    expect(response.status).toBe(404);
  });
});

describe("share a search", () => {
  const share = (search: string | null, extra = "") =>
    call(searchShareLoader as Loader, `/share?${search === null ? "" : `search=${encodeURIComponent(search)}`}${extra}`);

  it("shares a search as a clean /search link in the family's language", async () => {
    const { status, data } = await share("/search?age=0-1&postcode=b23+6sy&type=");
    expect(status).toBe(200);
    expect(data.share.link).toBe(`${SITE}/search?postcode=b23+6sy&age=0-1&lng=en`);
    expect(data.summary).toContain("B23 6SY");
    expect(data.summary).toContain("0 to 12 months");
    expect(data.share.sms.text).toContain("B23 6SY");
    expect(data.share.sms.text).toContain(data.share.link);
    expectSafeSvg(data.share.qr);
    expect(data.searchPath).toBe("/search?postcode=b23+6sy&age=0-1");
  });

  it("shares a locality search in Urdu", async () => {
    const { status, data } = await share("/search?locality=erdington&type=stay-and-play", "&lang=ur");
    expect(status).toBe(200);
    expect(data.share.link).toBe(`${SITE}/search?locality=erdington&type=stay-and-play&lng=ur`);
    expect(data.share.sms.text).toMatch(/[\u0600-\u06FF]/);
  });

  it.each([
    ["https://evil.example/search?age=0-1", "not a /search path"],
    ["//evil.example/search?age=0-1", "another site"],
    ["/hubs/erdington-family-hub", "another page"],
    ["/searching?age=0-1", "another path"],
    ["/search?utm_source=leaflet", "an unknown parameter"],
    ["/search?age=0-1&age=1-2", "a repeated parameter"],
    ["/search?age=teen", "a bad value"],
    ["/search?locality=atlantis", "an unknown locality"],
    ["/search?postcode=ZZ99+9ZZ", "an unknown postcode"],
    ["javascript:alert(1)", "a script"],
    [null, "nothing at all"],
  ] as [string | null, string][])("refuses %s (%s) with a 400 and a message", async (search) => {
    const { status, data } = await share(search);
    expect(status).toBe(400);
    expect(data.problem).toMatch(/search/i);
    expect(data.share).toBeNull();
    expect(data.title.startsWith("Error: ")).toBe(true);
  });
});

describe("printed hub timetable", () => {
  const print = (slug: string, query = "") => call(hubPrintLoader as Loader, `/hubs/${slug}/timetable/print${query}`, { slug });

  it("lists the week's sessions of that hub only, day by day", async () => {
    const { status, data } = await print(HUB, "?week=2026-W49");
    expect(status).toBe(200);
    const p = data.print;
    expect(p.week).toBe("2026-W49");
    expect(p.days.map((d: { date: string }) => d.date)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
    ]);
    expect(p.days[0].heading).toBe("Monday 30 November");
    expect(p.weekHeading).toContain("December 2026");
    const printed = p.days.flatMap((d: { sessions: { id: number }[] }) => d.sessions.map((s) => s.id)).sort((a: number, b: number) => a - b);
    const expected = (
      db.$client
        .prepare(
          `SELECT o.id FROM occurrences o JOIN session_series s ON s.id = o.series_id
            WHERE s.venue_id = ? AND s.status = 'active' AND o.date BETWEEN '2026-11-30' AND '2026-12-06' ORDER BY o.id`,
        )
        .all(hub.id) as { id: number }[]
    ).map((r) => r.id);
    expect(printed.length).toBeGreaterThan(3);
    expect(printed).toEqual(expected);
    const first = p.days[0].sessions[0];
    expect(first.time).toMatch(/\d{1,2}:\d{2}(am|pm)\u00a0–\u00a0\d{1,2}:\d{2}(am|pm)/);
    expect(first.title).toBeTruthy();
    expect(first.age).toBeTruthy();
    const bookings = p.days.flatMap((d: { sessions: { booking: string }[] }) => d.sessions.map((s) => s.booking));
    expect(bookings).toContain("Drop in, no need to book");
    expect(bookings).toContain("Book a place");
    expect(p.name).toBe(hub.name);
    // The postcode's space is a no-break space, so it never splits across lines.
    expect(p.places[0].lines).toContain(hub.postcode.replace(" ", "\u00a0"));
    expect(p.places[0].phone).toBe("0121 496 0101");
    expect(p.isSample).toBe(true);
    expect(p.onlineUrl).toBe(`${SITE}/hubs/${HUB}?lng=en`);
    expectSafeSvg(p.qr);
    expect(p.generated).toBe("24 November 2026");
    expect(p.prevWeek).toBe("2026-W48");
    expect(p.nextWeek).toBe("2026-W50");
  });

  it("shows this week when no week is given", async () => {
    const { status, data } = await print(HUB);
    expect(status).toBe(200);
    expect(data.print.week).toBe("2026-W48");
    expect(data.print.days[0].date).toBe("2026-11-23");
  });

  it("accepts a lower-case w and a week that crosses the new year", async () => {
    const { status, data } = await print(HUB, "?week=2026-w53");
    expect(status).toBe(200);
    expect(data.print.days[0].date).toBe("2026-12-28");
    expect(data.print.days[6].date).toBe("2027-01-03");
    expect(data.print.nextWeek).toBe("2027-W01");
  });

  it.each(["2026-W54", "2027-W53", "2026-W00", "banana", "2026-48", "2026-11-23", "2026-W4%00"])(
    "refuses week %s with a 400 and the message",
    async (week) => {
      const { status, data } = await print(HUB, `?week=${encodeURIComponent(week)}`);
      expect(status).toBe(400);
      expect(data.error).toBe("Enter a week like 2026-W48");
      expect(data.print).toBeNull();
      expect(data.title.startsWith("Error: ")).toBe(true);
    },
  );

  it("prints in Urdu, with Urdu day names", async () => {
    const { status, data } = await print(HUB, "?week=2026-W49&lng=ur");
    expect(status).toBe(200);
    expect(data.print.days[0].heading).toContain("پیر");
    expect(data.print.days[1].heading).toContain("منگل");
    expect(data.print.weekHeading).toContain("دسمبر");
    expect(data.print.caption).toBe("ٹائم ٹیبل");
    expect(data.print.onlineUrl).toBe(`${SITE}/hubs/${HUB}?lng=ur`);
    const session = data.print.days.flatMap((d: { sessions: unknown[] }) => d.sessions)[0];
    expect(session.type).toMatch(/[\u0600-\u06FF]/);
    expect(session.booking).toMatch(/[\u0600-\u06FF]/);
  });

  it("explains a bad week in Urdu", async () => {
    const { status, data } = await print(HUB, "?week=nope&lng=ur");
    expect(status).toBe(400);
    expect(data.error).toContain("2026-W48");
    expect(data.error).toMatch(/[\u0600-\u06FF]/);
  });

  it.each(["no-such-hub", "NOT_A_SLUG"])("says not found for %s", async (slug) => {
    const response = await thrown(print(slug, "?week=2026-W48"));
    expect(response.status).toBe(404);
  });
});

describe("printed locality timetable", () => {
  const print = (slug: string, query = "") => call(localityPrintLoader as Loader, `/localities/${slug}/timetable/print${query}`, { slug });

  it("lists sessions from several venues in the area, each with where it is", async () => {
    const { status, data } = await print("erdington", "?week=2026-W49");
    expect(status).toBe(200);
    const sessions = data.print.days.flatMap((d: { sessions: { venue: string }[] }) => d.sessions);
    const venues = new Set(sessions.map((s: { venue: string }) => s.venue));
    expect(venues.size).toBeGreaterThanOrEqual(2);
    expect(venues.has(hub.name)).toBe(true);
    expect(venues.has("Kingstanding Family Hub")).toBe(true);
    expect(data.print.places.map((p: { name: string }) => p.name)).toContain(hub.name);
    expect(data.print.onlineUrl).toBe(`${SITE}/localities/erdington?lng=en`);
    // Nothing from another locality.
    const elsewhere = db.$client
      .prepare(
        `SELECT COUNT(*) AS n FROM occurrences o JOIN session_series s ON s.id = o.series_id JOIN venues v ON v.id = s.venue_id
          JOIN localities l ON l.id = v.locality_id
         WHERE l.slug = 'erdington' AND s.status = 'active' AND o.date BETWEEN '2026-11-30' AND '2026-12-06'`,
      )
      .get() as { n: number };
    expect(sessions).toHaveLength(elsewhere.n);
  });

  it("refuses a bad week and an unknown area", async () => {
    const bad = await print("erdington", "?week=2026-W60");
    expect(bad.status).toBe(400);
    expect(bad.data.error).toBe("Enter a week like 2026-W48");
    const response = await thrown(print("atlantis"));
    expect(response.status).toBe(404);
  });
});

describe("hub month view", () => {
  const month = (slug: string, query = "") => call(hubMonthLoader as Loader, `/hubs/${slug}/timetable/month${query}`, { slug });

  it("lays out the month Monday first with the hub's sessions in their days", async () => {
    const { status, data } = await month(HUB, "?month=2026-12");
    expect(status).toBe(200);
    expect(data.month.name).toBe("December 2026");
    expect(data.month.prev).toBe("2026-11");
    expect(data.month.next).toBe("2027-01");
    const weeks = data.month.weeks;
    expect(weeks[0].days[0]).toBeNull(); // 1 December 2026 is a Tuesday
    expect(weeks[0].days[1].date).toBe("2026-12-01");
    expect(weeks[0].week).toBe("2026-W49");
    const days = weeks.flatMap((w: { days: unknown[] }) => w.days).filter(Boolean);
    expect(days).toHaveLength(31);
    const sessions = days.flatMap((d: { sessions: unknown[] }) => d.sessions);
    expect(sessions.length).toBeGreaterThan(10);
  });

  it("shows this month when none is given, and refuses a bad one", async () => {
    expect((await month(HUB)).data.month.name).toBe("November 2026");
    const bad = await month(HUB, "?month=2026-13");
    expect(bad.status).toBe(400);
    expect(bad.data.error).toBe("Enter a month like 2026-11");
    const response = await thrown(month("no-such-hub"));
    expect(response.status).toBe(404);
  });
});

// Server-rendered HTML, as a browser without JavaScript gets it.
describe("pages without JavaScript", () => {
  async function render(Component: () => JSX.Element, loader: Loader, path: string, params: Record<string, string> = {}, lng = "en") {
    const { data } = await call(loader, path, params);
    const i18n = i18next.createInstance();
    await i18n.use(initReactI18next).init({ lng, fallbackLng: "en", defaultNS: "common", resources, interpolation: { escapeValue: false } });
    const Stub = createRemixStub([{ id: "page", path: "/page", Component, loader: () => data }]);
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      return renderToString(
        createElement(
          I18nextProvider,
          { i18n },
          createElement(Stub, { initialEntries: ["/page"], hydrationData: { loaderData: { page: data } } }),
        ),
      );
    } finally {
      quiet.mockRestore();
    }
  }
  const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

  it("shows a session's link, QR code, text message and email; the copy button is hidden unless JavaScript runs", async () => {
    const html = await render(ShareSessionPage, sessionShareLoader as Loader, `/sessions/${session.id}/share`, { id: String(session.id) });
    expect(count(html, /<h1/g)).toBe(1);
    expect(html).toContain(`value="${SITE}/sessions/${session.id}?lng=en"`);
    expect(html).toMatch(/role="img" aria-label="QR code that opens the page for Stay and Play"><svg/);
    expect(html).toMatch(/<textarea[^>]*readOnly=""[^>]*>/i);
    expect(html).toContain('href="sms:?&amp;body=');
    expect(html).toContain('href="mailto:?subject=');
    expect(html).toContain("sent as 1 text message");
    // Drawn from the first paint (no layout shift) inside the wrapper CSS hides without JavaScript.
    expect(html).toMatch(/<div class="app-js-only"><div class="app-copy"><button[^>]*>Copy link<\/button>/);
    expect(html).toContain('aria-live="polite"');
    expect(html).toMatch(/<select[^>]*name="lang"/);
  });

  it("marks the Urdu message's language and direction", async () => {
    const html = await render(ShareSessionPage, sessionShareLoader as Loader, `/sessions/${session.id}/share?lang=ur`, {
      id: String(session.id),
    });
    expect(html).toMatch(/<textarea[^>]*lang="ur"[^>]*dir="rtl"/);
  });

  it("shows the problem with a search link in an error summary", async () => {
    const html = await render(ShareSearchPage, searchShareLoader as Loader, `/share?search=${encodeURIComponent("https://evil.example/")}`);
    expect(html).toContain("govuk-error-summary");
    expect(html).toContain("This is not a link to a search");
    expect(html).not.toContain("<svg");
  });

  it("prints a hub's week with headings per day and the QR code", async () => {
    const html = await render(PrintHubPage, hubPrintLoader as Loader, `/hubs/${HUB}/timetable/print?week=2026-W49`, { slug: HUB });
    expect(count(html, /<h1/g)).toBe(1);
    expect(count(html, /class="govuk-heading-m app-print__day-heading"/g)).toBe(7);
    expect(html).toContain("Week of 30 November");
    expect(html).toContain("Sample data");
    expect(html).toContain("Printed on 24 November 2026");
    expect(html).toMatch(/role="img" aria-label="QR code that opens the timetable for Erdington Family Hub online"/);
  });

  it("shows a bad week as an error summary linking to the week field", async () => {
    const html = await render(PrintHubPage, hubPrintLoader as Loader, `/hubs/${HUB}/timetable/print?week=soon`, { slug: HUB });
    expect(html).toContain("govuk-error-summary");
    expect(html).toContain('href="#week"');
    expect(html).toContain('id="week"');
    expect(html).toContain("Enter a week like 2026-W48");
  });

  it("draws the month as a table with a header for each weekday", async () => {
    const html = await render(MonthPage, hubMonthLoader as Loader, `/hubs/${HUB}/timetable/month?month=2026-12`, { slug: HUB });
    expect(count(html, /<h1/g)).toBe(1);
    expect(count(html, /<th scope="col"/g)).toBe(7);
    expect(html).toContain("<caption");
    expect(html).toContain("Print the week of");
  });

  it("prints a locality's week in Urdu", async () => {
    const html = await render(
      PrintLocalityPage,
      localityPrintLoader as Loader,
      "/localities/erdington/timetable/print?week=2026-W49&lng=ur",
      { slug: "erdington" },
      "ur",
    );
    expect(html).toContain("پیر");
    expect(html).toContain("کہاں: Kingstanding Family Hub");
  });
});
