// The report's arithmetic on hand-made data: fill rate, no-show rate, decile shares, and the
// disclosure rule as the report applies it (a cell of 3 families never shows as 3).
import { describe, expect, it } from "vitest";
import {
  addFigures,
  cellText,
  countCell,
  decileShares,
  decileSharesFromCounts,
  emptyFigures,
  figureCells,
  fillRate,
  mostDeprivedShare,
  noShowRate,
  rateCell,
  shareCell,
} from "~/domain/report";

const words = { fewerThanFive: "fewer than 5", none: "none", withheld: "hidden" };
const percent = (n: number) => `${(n * 100).toFixed(1)}%`;
const text = (cell: ReturnType<typeof countCell>) => cellText(cell, words, percent);

describe("adding figures", () => {
  it("adds every figure, each into its own", () => {
    const keys = Object.keys(emptyFigures()) as (keyof ReturnType<typeof emptyFigures>)[];
    const into = emptyFigures();
    const from = emptyFigures();
    keys.forEach((key, i) => {
      into[key] = 1000 * (i + 1);
      from[key] = i + 1;
    });
    const sum = addFigures(into, from);
    expect(sum).toBe(into);
    keys.forEach((key, i) => expect(sum[key], key).toBe(1001 * (i + 1)));
  });
});

describe("fill rate", () => {
  it("is places used over places offered on the dates held", () => {
    expect(fillRate(15, 20)).toBe(0.75);
    expect(fillRate(0, 20)).toBe(0);
  });
  it("can pass 100% when walk-ins come on top of a full date", () => {
    expect(fillRate(24, 20)).toBe(1.2);
  });
  it("is unknown, not zero, when no date was held", () => {
    expect(fillRate(0, 0)).toBeNull();
  });
});

describe("no-show rate", () => {
  it("is no-shows over everyone marked on the register", () => {
    expect(noShowRate(2, 8)).toBe(0.2);
    expect(noShowRate(0, 8)).toBe(0);
  });
  it("is unknown when nobody was marked", () => {
    expect(noShowRate(0, 0)).toBeNull();
  });
});

describe("decile shares", () => {
  it("counts each decile and shares them among the families placed", () => {
    const shares = decileShares([1, 1, 2, 5, 10, null, null]);
    expect(shares).toHaveLength(10);
    expect(shares[0]).toEqual({ decile: 1, count: 2, share: 0.4 });
    expect(shares[1]).toEqual({ decile: 2, count: 1, share: 0.2 });
    expect(shares[2]).toEqual({ decile: 3, count: 0, share: 0 });
    expect(shares[9]).toEqual({ decile: 10, count: 1, share: 0.2 });
    expect(mostDeprivedShare(shares, 2)).toEqual({ count: 3, placed: 5 });
    expect(mostDeprivedShare(shares, 1)).toEqual({ count: 2, placed: 5 });
  });
  it("ignores values that are not deciles, and has no shares with nobody placed", () => {
    expect(decileShares([0, 11, 2.5, null]).every((d) => d.count === 0 && d.share === null)).toBe(true);
  });
  it("gives the same from counts grouped by the database", () => {
    const grouped = decileSharesFromCounts([
      { decile: 1, count: 2 },
      { decile: 2, count: 1 },
      { decile: 5, count: 1 },
      { decile: 10, count: 1 },
    ]);
    expect(grouped).toEqual(decileShares([1, 1, 2, 5, 10]));
  });
});

describe("disclosure in report cells", () => {
  it("never shows a count of 1 to 4 families as its number", () => {
    for (const n of [1, 2, 3, 4]) expect(text(countCell(n))).toBe("fewer than 5");
    expect(text(countCell(3))).not.toContain("3");
    expect(text(countCell(0))).toBe("0");
    expect(text(countCell(5))).toBe("5");
  });
  it("hides a share built on 1 to 4 families, in the part or the whole", () => {
    expect(text(shareCell(3, 40))).toBe("hidden");
    expect(text(shareCell(10, 4))).toBe("hidden");
    expect(text(shareCell(10, 40))).toBe("25.0%");
    expect(text(shareCell(0, 40))).toBe("0.0%");
    expect(text(shareCell(0, 0))).toBe("none");
  });
  it("hides a rate whose families are 1 to 4", () => {
    expect(text(rateCell(0.75, [3]))).toBe("hidden");
    expect(text(rateCell(0.75, [30]))).toBe("75.0%");
  });
  it("applies to every family cell of a row: a row of 3s shows no 3", () => {
    const f = { ...emptyFigures(), bookings: 3, attended: 3, noShows: 3, walkIns: 3, newFamilies: 3, withDecile: 3, decile1to2: 3, decile1: 3 };
    f.placesOffered = 40;
    f.placesUsed = 3;
    f.datesHeld = 2;
    const cells = figureCells(f);
    const shown = Object.entries(cells).map(([key, cell]) => [key, cellText(cell, words, percent)]);
    for (const [key, value] of shown) {
      if (key === "placesOffered" || key === "datesHeld") continue;
      expect(value, key).not.toMatch(/\b3\b/);
    }
    expect(cellText(cells.placesOffered, words, percent)).toBe("40");
  });
});
