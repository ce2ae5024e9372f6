// The disclosure rule: 1 to 4 families never appear as a number, nor as a share that gives it back.
import { describe, expect, it } from "vitest";
import { discloseCount, discloseShare, isSuppressed } from "~/domain/disclosure";

describe("discloseCount", () => {
  it.each([1, 2, 3, 4])("hides a count of %i", (n) => {
    expect(discloseCount(n)).toEqual({ suppressed: true });
    expect(isSuppressed(n)).toBe(true);
  });
  it.each([0, 5, 6, 120])("shows a count of %i", (n) => {
    expect(discloseCount(n)).toEqual({ suppressed: false, value: n });
    expect(isSuppressed(n)).toBe(false);
  });
});

describe("discloseShare", () => {
  it("gives the share when both counts may be shown", () => {
    expect(discloseShare(5, 20)).toBe(0.25);
    expect(discloseShare(0, 10)).toBe(0);
  });
  it("hides the share when the part or the whole is 1 to 4", () => {
    expect(discloseShare(3, 40)).toBeNull();
    expect(discloseShare(0, 4)).toBeNull();
    expect(discloseShare(4, 4)).toBeNull();
  });
  it("has no share of nothing", () => {
    expect(discloseShare(0, 0)).toBeNull();
  });
});
