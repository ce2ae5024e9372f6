// The timetable routes: hub people at their own hub, admins anywhere, never outreach. Every POST
// here sends a form that is refused (400) once access is granted, so nothing is changed.
import { loader as timetableLoader } from "~/routes/staff.hubs.$slug.timetable";
import { action as occurrenceAction, loader as occurrenceLoader } from "~/routes/staff.occurrences.$id._index";
import { action as editAction, loader as editLoader } from "~/routes/staff.series.$id";
import { action as translationsAction, loader as translationsLoader } from "~/routes/staff.series.$id_.translations";
import { action as newAction, loader as newLoader } from "~/routes/staff.series.new";
import { getDb } from "~/utils/db.server";
import { type AccessEntry, allowedAtHub } from "./types";
import { type Hub, HUBS, outcome, staffRequest } from "../staff-helpers";

const hubWork = allowedAtHub("timetable");

function idAt(sql: string, slug: string): string {
  const row = getDb().$client.prepare(sql).get(slug) as { id: number } | undefined;
  if (!row) throw new Error(`Nothing found at ${slug}`);
  return String(row.id);
}

const seriesAt = (slug: string) =>
  idAt(
    `SELECT s.id AS id FROM session_series s JOIN venues v ON v.id = s.venue_id
      WHERE v.slug = ? AND s.status = 'active' ORDER BY s.id LIMIT 1`,
    slug,
  );
const occurrenceAt = (slug: string) =>
  idAt(
    `SELECT o.id AS id FROM occurrences o JOIN session_series s ON s.id = o.series_id JOIN venues v ON v.id = s.venue_id
      WHERE v.slug = ? ORDER BY o.date DESC, o.id LIMIT 1`,
    slug,
  );

const SERIES: Record<Hub, string> = { own: seriesAt(HUBS.own), other: seriesAt(HUBS.other) };
const OCCURRENCE: Record<Hub, string> = { own: occurrenceAt(HUBS.own), other: occurrenceAt(HUBS.other) };

export const ACCESS: AccessEntry[] = [
  {
    route: "staff.series.$id_.translations",
    method: "GET",
    call: async (p, hub) =>
      outcome(async () =>
        translationsLoader({
          request: await staffRequest(p, `/staff/series/${SERIES[hub]}/translations`),
          params: { id: SERIES[hub] },
          context: {},
        }),
      ),
    expect: hubWork,
  },
  {
    route: "staff.series.$id_.translations",
    method: "POST",
    // A description with no title: refused, nothing saved.
    call: async (p, hub) =>
      outcome(async () =>
        translationsAction({
          request: await staffRequest(p, `/staff/series/${SERIES[hub]}/translations`, { form: { "description-ur": "بغیر عنوان" } }),
          params: { id: SERIES[hub] },
          context: {},
        }),
      ),
    expect: hubWork,
  },
  {
    route: "staff.hubs.$slug.timetable",
    method: "GET",
    call: async (p, hub) =>
      outcome(async () =>
        timetableLoader({ request: await staffRequest(p, `/staff/hubs/${HUBS[hub]}/timetable`), params: { slug: HUBS[hub] }, context: {} }),
      ),
    expect: hubWork,
  },
  {
    route: "staff.series.new",
    method: "GET",
    call: async (p, hub) =>
      outcome(async () => newLoader({ request: await staffRequest(p, `/staff/series/new?venue=${HUBS[hub]}`), params: {}, context: {} })),
    expect: hubWork,
  },
  {
    route: "staff.series.new",
    method: "POST",
    // No title, times or type: refused.
    call: async (p, hub) =>
      outcome(async () =>
        newAction({ request: await staffRequest(p, `/staff/series/new?venue=${HUBS[hub]}`, { form: { title: "" } }), params: {}, context: {} }),
      ),
    expect: hubWork,
  },
  {
    route: "staff.series.$id",
    method: "GET",
    call: async (p, hub) =>
      outcome(async () =>
        editLoader({ request: await staffRequest(p, `/staff/series/${SERIES[hub]}`), params: { id: SERIES[hub] }, context: {} }),
      ),
    expect: hubWork,
  },
  {
    route: "staff.series.$id",
    method: "POST",
    // Saving an empty form: refused, the series is unchanged.
    call: async (p, hub) =>
      outcome(async () =>
        editAction({
          request: await staffRequest(p, `/staff/series/${SERIES[hub]}`, { form: { intent: "save", title: "" } }),
          params: { id: SERIES[hub] },
          context: {},
        }),
      ),
    expect: hubWork,
  },
  {
    route: "staff.occurrences.$id._index",
    method: "GET",
    call: async (p, hub) =>
      outcome(async () =>
        occurrenceLoader({
          request: await staffRequest(p, `/staff/occurrences/${OCCURRENCE[hub]}`),
          params: { id: OCCURRENCE[hub] },
          context: {},
        }),
      ),
    expect: hubWork,
  },
  {
    route: "staff.occurrences.$id._index",
    method: "POST",
    // Cancelling without a reason: refused, nothing is cancelled and nobody is told.
    call: async (p, hub) =>
      outcome(async () =>
        occurrenceAction({
          request: await staffRequest(p, `/staff/occurrences/${OCCURRENCE[hub]}`, { form: { intent: "cancel", reason: "" } }),
          params: { id: OCCURRENCE[hub] },
          context: {},
        }),
      ),
    expect: hubWork,
  },
];
