// Booking rules, free of the database so they can be tested exhaustively.
import type { PlaceUnit } from "../../db/schema";
import { type AgeRange, takesChildAged } from "./age-bands";

/** No 0/O, 1/I/L or 5/S: a reference read out over the phone cannot be misheard. */
export const REFERENCE_ALPHABET = "2346789ABCDEFGHJKMNPQRTUVWXYZ";
export const REFERENCE_PATTERN = /^FH-[2346789ABCDEFGHJKMNPQRTUVWXYZ]{6}$/;

/** An "FH-7K2P9Q" reference from six random values (e.g. crypto.randomInt). */
export function makeReference(randomIndex: (max: number) => number): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += REFERENCE_ALPHABET[randomIndex(REFERENCE_ALPHABET.length)];
  return `FH-${code}`;
}

/** Accepts "fh 7k2p9q", "FH-7K2P9Q", "7k2p9q" and returns the canonical form, or null. */
export function normaliseReference(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .replace(/^FH/, "");
  const ref = `FH-${compact}`;
  return REFERENCE_PATTERN.test(ref) ? ref : null;
}

/** A baby still expected is recorded with this age. */
export const EXPECTING = -1;

export type Party = { childAges: number[]; adults: number };

/** How many places a party takes: children, or adults for adult-only sessions. */
export function placesFor(unit: PlaceUnit, party: Party): number {
  return unit === "adult" ? party.adults : party.childAges.filter((a) => a !== EXPECTING).length;
}

/** Children whose age is outside the session's range (an expected baby fits pregnancy sessions). */
export function childrenOutsideRange(range: AgeRange, childAges: number[]): number[] {
  return childAges.filter((age) => {
    if (age === EXPECTING) return !range.forPregnancy;
    return !takesChildAged(range, age);
  });
}

/**
 * Whether a date has started at London time `now` (both as ISO date and "HH:MM"). From its start a
 * date can no longer be booked, joined, cancelled or given to a waiting family.
 */
export function hasStarted(date: { date: string; startTime: string }, now: { date: string; time: string }): boolean {
  return date.date < now.date || (date.date === now.date && date.startTime <= now.time);
}

export type Decision = "confirm" | "wait";

/** A booking is confirmed when its places fit in what is left, otherwise it waits. */
export function decide(capacity: number, taken: number, wanted: number): Decision {
  return taken + wanted <= capacity ? "confirm" : "wait";
}

export type Waiting = { id: number; places: number };

/**
 * Which waiting bookings to confirm, oldest first. A party too big for the places left is passed
 * over (it keeps its place in the queue) and smaller parties behind it may still be confirmed.
 */
export function promote(capacity: number, taken: number, waitingOldestFirst: Waiting[]): number[] {
  let free = capacity - taken;
  const confirmed: number[] = [];
  for (const w of waitingOldestFirst) {
    if (free <= 0) break;
    if (w.places <= free) {
      confirmed.push(w.id);
      free -= w.places;
    }
  }
  return confirmed;
}

/**
 * When capacity drops below the places already confirmed, the most recent bookings go back to the
 * waiting list until the rest fit. Returns the ids to move, newest first.
 */
export function overflow(capacity: number, confirmedOldestFirst: Waiting[]): number[] {
  let taken = confirmedOldestFirst.reduce((sum, b) => sum + b.places, 0);
  const moved: number[] = [];
  for (const b of [...confirmedOldestFirst].reverse()) {
    if (taken <= capacity) break;
    moved.push(b.id);
    taken -= b.places;
  }
  return moved;
}
