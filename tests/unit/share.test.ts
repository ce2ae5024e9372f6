import { describe, expect, it } from "vitest";
import { ELLIPSIS, fillTemplate, plainForSms, segments, shortenTitle, smsEncoding, smsInfo, smsLength, smsText } from "~/domain/share";
import { translatorFor } from "~/utils/translate.server";

const URL_EN = "https://familyhubs.example.gov.uk/sessions/1234?lng=en";
const URL_UR = "https://familyhubs.example.gov.uk/sessions/1234?lng=ur";
const EN = "{{title}} at {{venue}}, {{when}}. Details: {{url}}";

describe("segments", () => {
  it.each([
    ["", "gsm7", 0, 0],
    ["a".repeat(160), "gsm7", 160, 1],
    ["a".repeat(161), "gsm7", 161, 2],
    ["a".repeat(306), "gsm7", 306, 2],
    ["a".repeat(307), "gsm7", 307, 3],
    ["€".repeat(80), "gsm7", 160, 1], // extension characters take two septets
    ["€".repeat(81), "gsm7", 162, 2],
    ["£@é ñ{}", "gsm7", 9, 1],
    ["ب".repeat(70), "ucs2", 70, 1], // Urdu, Arabic: UCS-2, 70 in one message
    ["ب".repeat(71), "ucs2", 71, 2],
    ["ب".repeat(134), "ucs2", 134, 2], // 67 per part
    ["ب".repeat(135), "ucs2", 135, 3],
    [`${"a".repeat(100)}ب`, "ucs2", 101, 2], // one Urdu letter makes the whole text UCS-2
    ["a – b", "ucs2", 5, 1], // an en dash is not GSM-7
    ["😀", "ucs2", 2, 1], // outside the BMP: two UTF-16 units
  ])("%j is %s, %i long, %i message(s)", (text, encoding, length, count) => {
    expect(smsEncoding(text)).toBe(encoding);
    expect(smsLength(text)).toBe(length);
    expect(segments(text)).toBe(count);
    expect(smsInfo(text)).toEqual({ encoding, length, segments: count });
  });
});

describe("plainForSms", () => {
  it("swaps typographic characters when that keeps the text GSM-7", () => {
    expect(plainForSms("10:00am – 11:30am, Dads’ group…")).toBe("10:00am - 11:30am, Dads' group...");
    expect(plainForSms("10:00\u202fam")).toBe("10:00 am");
  });

  it("leaves Unicode texts alone", () => {
    const urdu = "اسٹے اینڈ پلے – منگل…";
    expect(plainForSms(urdu)).toBe(urdu);
  });
});

describe("shortenTitle", () => {
  it("keeps short titles whole", () => {
    expect(shortenTitle("Stay and Play", 20)).toBe("Stay and Play");
  });

  it("cuts on a word where it can and ends with an ellipsis", () => {
    expect(shortenTitle("Speech and language drop-in for toddlers", 22)).toBe(`Speech and language${ELLIPSIS}`);
  });

  it("never splits a character made of two UTF-16 units", () => {
    const out = shortenTitle("😀😀😀😀😀😀😀😀😀😀", 5);
    expect(out).toBe(`😀😀😀😀😀${ELLIPSIS}`);
  });
});

describe("smsText", () => {
  it("fills the template", () => {
    expect(fillTemplate("{{ a }}-{{b}}-{{missing}}", { a: "1", b: "2" })).toBe("1-2-");
  });

  it.each([
    ["Stay and Play", "Erdington Family Hub", "every Tuesday, 10:00am – 11:30am"],
    ["Baby & Me", "Kingstanding Library", "every Monday and Thursday, 1:30pm – 3:00pm"],
    ["Health visitor drop-in", "Hodge Hill Family Hub", "Wed 2 Dec, 9:30am – 12:00pm"],
    ["Dads’ Saturday club", "Northfield Library", "every Saturday, 10:00am – 12:00pm"],
    ["Parenting course", "Foleshill Family Hub", "course from Mon 30 Nov, 10:00am – 12:00pm"],
  ])("fits a typical English session in one message: %s", (title, venue, when) => {
    const text = smsText({ template: EN, title, url: URL_EN, values: { venue, when } });
    expect(text.length).toBeLessThanOrEqual(160);
    expect(smsEncoding(text)).toBe("gsm7");
    expect(segments(text)).toBe(1);
    expect(text).toContain(URL_EN);
    expect(text).toContain(venue);
    expect(text).toContain(title.replace(/’/g, "'"));
    expect(text).toContain(when.replace("–", "-"));
  });

  it.each([
    ["Dads’ and partners’ Saturday club", "Northfield Community Centre", "every Saturday, 10:00am – 12:00pm", "Dads' and partners'..."],
    ["Incredible Years parenting course", "Coventry Foleshill Family Hub", "course from Mon 30 Nov, 10:00am – 12:00pm", "Incredible Years..."],
  ])("shortens %s when the venue and dates are long too", (title, venue, when, shortened) => {
    const text = smsText({ template: EN, title, url: URL_EN, values: { venue, when } });
    expect(segments(text)).toBe(1);
    expect(text.startsWith(`${shortened} at ${venue}`)).toBe(true);
    expect(text.endsWith(URL_EN)).toBe(true);
  });

  it("shortens a long title to fit one message, keeping the URL whole", () => {
    const title = "Little Explorers: sensory play, songs and stories for babies and toddlers with their parents and carers (all welcome)";
    const values = { venue: "Erdington Family Hub", when: "every Tuesday, 10:00am – 11:30am" };
    const text = smsText({ template: EN, title, url: URL_EN, values });
    expect(segments(text)).toBe(1);
    expect(smsLength(text)).toBeLessThanOrEqual(160);
    expect(text.endsWith(URL_EN)).toBe(true);
    expect(text.startsWith("Little Explorers: sensory play")).toBe(true);
    // GSM-7 has no "…": the plain "..." keeps the message at 160 characters, not 70.
    expect(text).toMatch(/\.\.\. at Erdington Family Hub/);
    expect(text).not.toContain(title);
    // As much of the title as fits is kept: one more word would not fit.
    const full = smsText({ template: EN, title, url: URL_EN, values, minTitle: 500 });
    expect(segments(full)).toBeGreaterThan(1);
  });

  it("does not leave a full stop after the ellipsis", () => {
    const title = "Stay and play, near B23 6SY, for 0 to 12 months, free, SEND-friendly, on Saturday mornings";
    const text = smsText({ template: "Family Hubs: {{title}}. See them here: {{url}}", title, url: URL_EN });
    expect(segments(text)).toBe(1);
    expect(text).toMatch(/\.\.\. See them here: /);
    expect(text).not.toContain("....");
  });

  it("never cuts the URL, even when nothing else can make it fit", () => {
    const url = `https://familyhubs.example.gov.uk/search?${"postcode=B23+6SY&".repeat(12)}lng=en`;
    const text = smsText({
      template: EN,
      title: "A long session title that goes on",
      url,
      values: { venue: "Erdington Family Hub", when: "Tuesday" },
    });
    expect(text).toContain(url);
    expect(segments(text)).toBeGreaterThan(1);
  });

  it("adds the URL when a template forgets it", () => {
    expect(smsText({ template: "{{title}}", title: "Stay and Play", url: URL_EN })).toBe(`Stay and Play ${URL_EN}`);
  });

  it("counts Urdu as Unicode and shortens the title rather than add a message", () => {
    const tr = translatorFor("ur");
    const template = String(tr("share:sms.session", { skipInterpolation: true }));
    expect(template).toContain("{{title}}");
    expect(template).toMatch(/[\u0600-\u06FF]/);
    const values = { venue: "ارڈنگٹن فیملی ہب", when: "ہر منگل، 10:00 – 11:30" };
    const longTitle = "اسٹے اینڈ پلے: چھوٹے بچوں اور ان کے والدین کے لیے گانے، کہانیاں اور کھیل، سب کو خوش آمدید";
    const text = smsText({ template, title: longTitle, url: URL_UR, values });
    expect(smsEncoding(text)).toBe("ucs2");
    expect(text).toContain(URL_UR);
    expect(text).toContain(ELLIPSIS);
    expect(text).toContain(values.venue);
    expect(text).toContain(values.when);
    // Cutting the title saved at least one message, and the count is UCS-2's (67 a part).
    const uncut = smsText({ template, title: longTitle, url: URL_UR, values, minTitle: 500 });
    expect(segments(text)).toBeLessThan(segments(uncut));
    expect(segments(text)).toBe(Math.ceil(text.length / 67));
  });

  it("uses the English template from the locale files", () => {
    const tr = translatorFor("en");
    const template = String(tr("share:sms.session", { skipInterpolation: true }));
    const text = smsText({
      template,
      title: "Stay and Play",
      url: URL_EN,
      values: { venue: "Erdington Family Hub", when: "every Tuesday, 10:00am – 11:30am" },
    });
    expect(text).toBe(`Stay and Play at Erdington Family Hub, every Tuesday, 10:00am - 11:30am. Details: ${URL_EN}`);
  });
});
