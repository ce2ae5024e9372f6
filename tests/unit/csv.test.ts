// CSV cells: RFC 4180 quoting, and text that a spreadsheet would run as a formula made harmless.
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "~/utils/csv";

describe("csvCell", () => {
  it.each([
    ["plain text", "Amina", "Amina"],
    ["empty text", "", ""],
    ["a comma", "Smith, Jo", '"Smith, Jo"'],
    ["a double quote", 'Jo "JJ" Smith', '"Jo ""JJ"" Smith"'],
    ["only a quote", '"', '""""'],
    ["a line feed", "line one\nline two", '"line one\nline two"'],
    ["a carriage return inside", "a\rb", '"a\rb"'],
    ["CRLF inside", "a\r\nb", '"a\r\nb"'],
    ["spaces kept", "  padded  ", "  padded  "],
    ["non-ASCII", "Zoë Łukasz عائشة", "Zoë Łukasz عائشة"],
    ["an apostrophe", "O'Neill", "O'Neill"],
  ])("quotes %s per RFC 4180", (_, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ["=SUM(A1:A9)", "=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["=SUM(A1,A2) with a comma", "=SUM(A1,A2)", `"'=SUM(A1,A2)"`],
    ["=HYPERLINK with quotes", '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ["+1", "+1", "'+1"],
    ["-1", "-1", "'-1"],
    ["+44 phone typed as text", "+447700900123", "'+447700900123"],
    ["@x", "@x", "'@x"],
    ["@SUM(1)", "@SUM(1)", "'@SUM(1)"],
    ["a leading tab", "\t=1+1", "'\t=1+1"],
    ["a leading carriage return", "\r=1+1", `"'\r=1+1"`],
    ["DDE payload", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ])("neutralises %s", (_, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    ["= later in the text", "a=b", "a=b"],
    ["- inside a name", "Anne-Marie", "Anne-Marie"],
    ["an email with @", "amina@example.org", "amina@example.org"],
    ["a leading space before =", " =1", " =1"],
  ])("leaves %s alone", (_, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    [0, "0"],
    [3, "3"],
    [12.5, "12.5"],
    // A number is our own count, not text someone typed: it stays a number.
    [-1, "-1"],
    [Number.NaN, ""],
    [Number.POSITIVE_INFINITY, ""],
  ])("writes the number %s as %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    [null, ""],
    [undefined, ""],
  ])("writes %s as an empty cell", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe("toCsv", () => {
  it("ends every record with CRLF and joins cells with commas", () => {
    expect(
      toCsv([
        ["Name", "Children", "Notes"],
        ["Amina", 2, null],
        ["=1+1", 0, "a, b"],
      ]),
    ).toBe('Name,Children,Notes\r\nAmina,2,\r\n\'=1+1,0,"a, b"\r\n');
  });

  it("keeps a line break inside a quoted cell out of the record separators", () => {
    const csv = toCsv([["a\nb", "c"]]);
    expect(csv).toBe('"a\nb",c\r\n');
    expect(csv.split("\r\n")).toHaveLength(2);
  });

  it("gives nothing for no rows", () => {
    expect(toCsv([])).toBe("");
  });
});
