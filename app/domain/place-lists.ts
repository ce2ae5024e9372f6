// How much of the directory a list of places shows (issue 17, decision 020). On the sample every
// area fits on a phone; at national size (2,117 areas in 153 councils) a list of every area was
// most of the search page's weight, so lists are sized to the place the family is looking from.

/**
 * A directory with at most this many localities lists them all, as it always has: a long select or
 * page of links is still quick to scan. Past it, lists start from a council or the family's place.
 */
export const SMALL_DIRECTORY_LOCALITIES = 100;

export function isSmallDirectory(localityCount: number): boolean {
  return localityCount <= SMALL_DIRECTORY_LOCALITIES;
}
