// The shape of the sample data. Dates are relative to the day the database is seeded, so the
// demo always has upcoming sessions.
import type { BookingMode, PlaceUnit, VenueKind } from "../schema";

export type DemoLocalAuthority = {
  slug: string;
  name: string;
  gssCode: string;
  localities: DemoLocality[];
  /** Term dates (school terms, half terms excluded) as inclusive ISO date ranges. */
  terms: { name: string; startDate: string; endDate: string }[];
};

export type DemoLocality = {
  slug: string;
  name: string;
  description: string;
  /** A postcode district near the middle of the locality, e.g. "B23"; gives its centre. */
  centreOutcode: string;
};

export type DemoVenue = {
  slug: string;
  name: string;
  kind: VenueKind;
  locality: string;
  addressLine1: string;
  addressLine2?: string;
  town: string;
  /** A real unit postcode from db/data/postcodes-b-cv-le.csv; null for online. */
  postcode: string | null;
  phone?: string;
  email?: string;
  description: string;
  /** Day 0 = Monday. */
  openingHours: { day: number; opens: string; closes: string }[];
  facilities: string[];
  stepFree: boolean;
  accessNotes?: string;
  travelNotes?: string;
};

export type DemoSeries = {
  venue: string;
  type: string;
  title: string;
  description: string;
  whatToBring?: string;
  facilitator?: string;
  /** ISO weekdays, 1 = Monday; empty for a one-off event. */
  weekdays: number[];
  startTime: string;
  endTime: string;
  termTimeOnly: boolean;
  capacity: number;
  bookingMode: BookingMode;
  placeUnit: PlaceUnit;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  forPregnancy: boolean;
  languages: string[];
  sendFriendly: boolean;
  costPence: number;
  costNotes?: string;
  /** Courses: how many weeks, starting the first matching weekday on or after startInDays. */
  weeks?: number;
  /** Days from seeding to the first date (courses and one-off events); weekly default -28. */
  startInDays?: number;
};
