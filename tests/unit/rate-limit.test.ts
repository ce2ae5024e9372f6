import { describe, expect, it } from "vitest";
import { allow } from "~/utils/rate-limit.server";

describe("allow", () => {
  it("lets a client make its quota of attempts per window, then refuses until the window ends", () => {
    const t0 = 1_000_000;
    const results = Array.from({ length: 4 }, () => allow("test", "198.51.100.1", 3, 60_000, t0));
    expect(results).toEqual([true, true, true, false]);
    expect(allow("test", "198.51.100.2", 3, 60_000, t0)).toBe(true);
    expect(allow("test", "198.51.100.1", 3, 60_000, t0 + 60_000)).toBe(true);
  });

  it("gives the shared key used without a trusted proxy ten times the quota", () => {
    const t0 = 2_000_000;
    const results = Array.from({ length: 31 }, () => allow("shared", "direct", 3, 60_000, t0));
    expect(results.filter(Boolean)).toHaveLength(30);
  });
});
