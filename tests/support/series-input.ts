// A stored series as the input the series model takes (createSeries, updateSeries), with some of
// it changed: for tests that make or edit a series through the real model.
import type { Db } from "../../db/connection";
import { getSeries } from "~/models/series.server";
import type { SeriesInput } from "~/utils/series-form";

export function seriesInputOf(db: Db, seriesId: number, change: Partial<SeriesInput> = {}): SeriesInput {
  const { series: s, typeSlug } = getSeries(db, seriesId)!;
  return {
    typeSlug: typeSlug as SeriesInput["typeSlug"],
    title: s.title,
    description: s.description,
    whatToBring: s.whatToBring,
    facilitator: s.facilitator,
    weekdays: s.weekdays,
    startTime: s.startTime,
    endTime: s.endTime,
    startDate: s.startDate,
    endDate: s.endDate,
    termTimeOnly: s.termTimeOnly,
    capacity: s.capacity,
    bookingMode: s.bookingMode,
    placeUnit: s.placeUnit,
    ageMinMonths: s.ageMinMonths,
    ageMaxMonths: s.ageMaxMonths,
    forPregnancy: s.forPregnancy,
    languages: s.languages,
    sendFriendly: s.sendFriendly,
    costPence: s.costPence,
    costNotes: s.costNotes,
    ...change,
  };
}
