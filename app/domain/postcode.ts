// Parsing UK postcodes typed by people on phones: any case, any spacing, full or district only.
import { OUTCODE_REGEX, parse } from "postcode";

export type ParsedPostcode = { kind: "full"; postcode: string; outcode: string } | { kind: "district"; outcode: string };

/** Returns the normalised postcode or district, or null when it is not a UK postcode. */
export function parsePostcode(input: string): ParsedPostcode | null {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  if (compact.length === 0 || compact.length > 8) return null;
  const full = parse(compact);
  if (full.valid) return { kind: "full", postcode: full.postcode, outcode: full.outcode };
  if (OUTCODE_REGEX.test(compact)) return { kind: "district", outcode: compact };
  return null;
}

export function formatParsedPostcode(p: ParsedPostcode): string {
  return p.kind === "full" ? p.postcode : p.outcode;
}

/** A postcode for display: its space made a no-break space, so "B23 6RS" never splits across lines. */
export function unbreakablePostcode(postcode: string | null): string {
  return (postcode ?? "").replace(/ /g, "\u00a0");
}
