// The current date and time in London, as the timetable rules compare them.
import { londonDate, londonTime } from "~/domain/dates";
import { now } from "~/utils/env.server";

/** The moment a change happens: London date and time, and the instant. */
export type Clock = { date: string; time: string; iso: string };

export function clockNow(): Clock {
  const at = now();
  return { date: londonDate(at), time: londonTime(at), iso: at.toISOString() };
}
