// The report's figures, worked out from counts: fill rate, no-show rate, reach by deprivation
// decile and the cells as they may be shown (disclosure control, ./disclosure). Plain functions on
// plain numbers, so they are checked on hand-made data.
import { discloseCount, discloseShare, isSuppressed, type DisclosedCount } from "./disclosure";

/** IMD 2019 deciles: 1 is the 10% most deprived neighbourhoods (LSOAs) in England, 10 the least. */
export const DECILES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** Counts for one row of a report (a hub, a locality, a type, an age band, or everything). */
export type Figures = {
  /** Bookings on dates in the period (courses: on the course's first date), any status. */
  bookings: number;
  /** Places offered on the dates held: each held date's capacity. */
  placesOffered: number;
  /** Places used on the dates held: confirmed booked places plus walk-ins who took one. */
  placesUsed: number;
  /** Dates held in the period (scheduled, on or before today). */
  datesHeld: number;
  attended: number;
  noShows: number;
  walkIns: number;
  cancelledByFamily: number;
  cancelledByHub: number;
  /** Bookings still on the waiting list when their date came: demand left unmet. */
  waitingUnmet: number;
  onBehalf: number;
  /** Bookings by a contact with no earlier booking, and walk-ins on their first visit. */
  newFamilies: number;
  /** Bookings that gave a home postcode we could place in a decile. */
  withDecile: number;
  /** Of those, in deciles 1 and 2 (the 20% most deprived), and in decile 1 (10%). */
  decile1to2: number;
  decile1: number;
  /** The same for the families who came: attended bookings and walk-ins. */
  attendedWithDecile: number;
  attendedDecile1to2: number;
  attendedDecile1: number;
};

export function emptyFigures(): Figures {
  return {
    bookings: 0,
    placesOffered: 0,
    placesUsed: 0,
    datesHeld: 0,
    attended: 0,
    noShows: 0,
    walkIns: 0,
    cancelledByFamily: 0,
    cancelledByHub: 0,
    waitingUnmet: 0,
    onBehalf: 0,
    newFamilies: 0,
    withDecile: 0,
    decile1to2: 0,
    decile1: 0,
    attendedWithDecile: 0,
    attendedDecile1to2: 0,
    attendedDecile1: 0,
  };
}

/**
 * Adds `from` into `into`, figure by figure. Written out rather than looped over the keys: a
 * national report adds 50,000 series into five roll-ups, and the keyed loop was a tenth of it.
 * tests/unit/report.test.ts checks that every figure is added.
 */
export function addFigures(into: Figures, from: Figures): Figures {
  into.bookings += from.bookings;
  into.placesOffered += from.placesOffered;
  into.placesUsed += from.placesUsed;
  into.datesHeld += from.datesHeld;
  into.attended += from.attended;
  into.noShows += from.noShows;
  into.walkIns += from.walkIns;
  into.cancelledByFamily += from.cancelledByFamily;
  into.cancelledByHub += from.cancelledByHub;
  into.waitingUnmet += from.waitingUnmet;
  into.onBehalf += from.onBehalf;
  into.newFamilies += from.newFamilies;
  into.withDecile += from.withDecile;
  into.decile1to2 += from.decile1to2;
  into.decile1 += from.decile1;
  into.attendedWithDecile += from.attendedWithDecile;
  into.attendedDecile1to2 += from.attendedDecile1to2;
  into.attendedDecile1 += from.attendedDecile1;
  return into;
}

/** Places used ÷ places offered on the dates held; null when no date was held. May pass 1 with walk-ins. */
export function fillRate(placesUsed: number, placesOffered: number): number | null {
  return placesOffered > 0 ? placesUsed / placesOffered : null;
}

/** No-shows ÷ the families marked on the register (attended or no-show); null when nobody was marked. */
export function noShowRate(noShows: number, attended: number): number | null {
  const marked = noShows + attended;
  return marked > 0 ? noShows / marked : null;
}

export type DecileShare = { decile: number; count: number; share: number | null };

/**
 * Count and share of families in each decile, from the deciles recorded (one per family counted;
 * null for those who gave no postcode or one we could not place, left out of the shares).
 */
export function decileShares(deciles: (number | null)[]): DecileShare[] {
  const counts = new Map<number, number>();
  let placed = 0;
  for (const d of deciles) {
    if (d === null || !Number.isInteger(d) || d < 1 || d > 10) continue;
    counts.set(d, (counts.get(d) ?? 0) + 1);
    placed++;
  }
  return DECILES.map((decile) => {
    const count = counts.get(decile) ?? 0;
    return { decile, count, share: placed > 0 ? count / placed : null };
  });
}

/** The same from counts already grouped by decile (as the database returns them). */
export function decileSharesFromCounts(counts: { decile: number; count: number }[]): DecileShare[] {
  const placed = counts.reduce((sum, c) => (c.decile >= 1 && c.decile <= 10 ? sum + c.count : sum), 0);
  return DECILES.map((decile) => {
    const count = counts.filter((c) => c.decile === decile).reduce((sum, c) => sum + c.count, 0);
    return { decile, count, share: placed > 0 ? count / placed : null };
  });
}

/** Share in the most deprived deciles up to `upTo` (2 for "the 20% most deprived", 1 for 10%). */
export function mostDeprivedShare(shares: DecileShare[], upTo: number): { count: number; placed: number } {
  const placed = shares.reduce((s, d) => s + d.count, 0);
  const count = shares.filter((d) => d.decile <= upTo).reduce((s, d) => s + d.count, 0);
  return { count, placed };
}

/**
 * A cell as a report may show it. Counts of families go through disclosure control; a rate built
 * on a count of 1 to 4 families is withheld too, since with the other cells it would give it back.
 */
export type Cell =
  { kind: "count"; value: DisclosedCount } | { kind: "rate"; value: number | null; withheld: boolean } | { kind: "plain"; value: number };

export function countCell(count: number): Cell {
  return { kind: "count", value: discloseCount(count) };
}

export function shareCell(part: number, whole: number): Cell {
  const share = discloseShare(part, whole);
  return { kind: "rate", value: share, withheld: share === null && whole > 0 };
}

export function rateCell(rate: number | null, familyCounts: number[]): Cell {
  const withheld = familyCounts.some(isSuppressed);
  return { kind: "rate", value: withheld ? null : rate, withheld: withheld && rate !== null };
}

/** A number that counts no family (places offered, dates held): shown as it is. */
export function plainCell(value: number): Cell {
  return { kind: "plain", value };
}

/** The cells of one row, in the order of the report's main table. */
export function figureCells(f: Figures): Record<FigureColumn, Cell> {
  return {
    bookings: countCell(f.bookings),
    datesHeld: plainCell(f.datesHeld),
    placesOffered: plainCell(f.placesOffered),
    fillRate: rateCell(fillRate(f.placesUsed, f.placesOffered), [f.placesUsed]),
    attended: countCell(f.attended),
    noShows: countCell(f.noShows),
    noShowRate: rateCell(noShowRate(f.noShows, f.attended), [f.noShows, f.attended + f.noShows]),
    walkIns: countCell(f.walkIns),
    cancelledByFamily: countCell(f.cancelledByFamily),
    cancelledByHub: countCell(f.cancelledByHub),
    waitingUnmet: countCell(f.waitingUnmet),
    onBehalf: countCell(f.onBehalf),
    newFamilies: countCell(f.newFamilies),
    deprived20: shareCell(f.decile1to2, f.withDecile),
    deprived10: shareCell(f.decile1, f.withDecile),
    attendedDeprived20: shareCell(f.attendedDecile1to2, f.attendedWithDecile),
  };
}

export const FIGURE_COLUMNS = [
  "bookings",
  "datesHeld",
  "placesOffered",
  "fillRate",
  "attended",
  "noShows",
  "noShowRate",
  "walkIns",
  "cancelledByFamily",
  "cancelledByHub",
  "waitingUnmet",
  "onBehalf",
  "newFamilies",
  "deprived20",
  "deprived10",
  "attendedDeprived20",
] as const;
export type FigureColumn = (typeof FIGURE_COLUMNS)[number];

/** A cell as text, for the page and the CSV alike: the same words, so the download matches the table. */
export function cellText(
  cell: Cell,
  words: { fewerThanFive: string; none: string; withheld: string },
  formatPercent: (n: number) => string,
): string {
  switch (cell.kind) {
    case "count":
      return cell.value.suppressed ? words.fewerThanFive : String(cell.value.value);
    case "plain":
      return String(cell.value);
    case "rate":
      if (cell.withheld) return words.withheld;
      return cell.value === null ? words.none : formatPercent(cell.value);
  }
}
