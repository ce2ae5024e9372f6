import { describe, expect, it } from "vitest";
import { parsePostcode } from "~/domain/postcode";

describe("parsePostcode", () => {
  it.each([
    ["b236sy", "B23 6SY"],
    ["B23 6SY", "B23 6SY"],
    [" B23  6SY ", "B23 6SY"],
    ["cv1 2gt", "CV1 2GT"],
    ["SW1A1AA", "SW1A 1AA"],
    ["le11 3tu", "LE11 3TU"],
  ])("normalises the full postcode %j to %j", (input, expected) => {
    expect(parsePostcode(input)).toEqual({ kind: "full", postcode: expected, outcode: expected.split(" ")[0] });
  });

  it.each([
    ["B23", "B23"],
    ["b23", "B23"],
    [" le11 ", "LE11"],
    ["SW1A", "SW1A"],
  ])("accepts the district %j as %j", (input, expected) => {
    expect(parsePostcode(input)).toEqual({ kind: "district", outcode: expected });
  });

  it.each(["hello", "", "   ", "12345", "B23 6SYX", "ZZZ", "B23 6", "<script>", "B23-6SY-B23-6SY"])("rejects %j", (input) => {
    expect(parsePostcode(input)).toBeNull();
  });
});
