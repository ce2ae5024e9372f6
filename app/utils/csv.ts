// CSV for spreadsheets (RFC 4180), safe to open in Excel, LibreOffice or Google Sheets.
//
// A text cell that starts with = + - @ (or a tab or carriage return) would be read as a formula by
// a spreadsheet, so a family who types "=HYPERLINK(…)" as their name could plant a link or worse
// in the hub's download. Such cells get a leading single quote, which spreadsheets show as text.
// Numbers are written as they are: they are our own counts, never text someone typed.

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: formula-like text neutralised, then quoted when it holds a comma, quote, CR or LF. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value;
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Whole rows, each record ended by CRLF as RFC 4180 describes. */
export function toCsv(rows: CsvValue[][]): string {
  return rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}
