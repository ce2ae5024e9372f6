// Places on a session. Drop-in sessions need no booking, so they have no "places left".
import type { BookingMode } from "../../db/schema";

export function placesLeft(mode: BookingMode, capacity: number, taken: number): number | null {
  if (mode === "drop-in") return null;
  return Math.max(0, capacity - taken);
}
