// Disclosure control for reports: a count of families from 1 to 4 could single a family out in a
// small area (a SEND group at one hub, a decile in one locality), so it is never shown as a number,
// on the page or in a download. Zero is shown: "nobody" identifies no one.

/** The smallest count of families shown as a number. */
export const DISCLOSURE_THRESHOLD = 5;

/** A count as it may be shown: the number, or "fewer than five" for 1 to 4. */
export type DisclosedCount = { suppressed: false; value: number } | { suppressed: true };

export function isSuppressed(count: number): boolean {
  return count > 0 && count < DISCLOSURE_THRESHOLD;
}

export function discloseCount(count: number): DisclosedCount {
  return isSuppressed(count) ? { suppressed: true } : { suppressed: false, value: count };
}

/**
 * A share (0 to 1) of families, or null when it must not be shown: when the part counted or the
 * whole is 1 to 4, the share and the whole together would give the small number back.
 */
export function discloseShare(part: number, whole: number): number | null {
  if (whole === 0) return null;
  if (isSuppressed(part) || isSuppressed(whole)) return null;
  return part / whole;
}
