// Access to families' feedback: reading, tagging and hiding need "feedback" at the feedback's hub
// (403 elsewhere); "you said, we did" and the hub's themes need "you-said-we-did" there. POSTs send
// refused forms (400), so the matrix changes nothing.
import { submitFeedback } from "~/models/feedback.server";
import { action as detailAction, loader as detailLoader } from "~/routes/staff.feedback.$id";
import { loader as listLoader } from "~/routes/staff.feedback._index";
import { action as publishAction, loader as publishLoader } from "~/routes/staff.hubs.$slug.you-said-we-did";
import { getDb } from "~/utils/db.server";
import { type AccessEntry, allowedAtHub, allowedTo } from "./types";
import { type Hub, HUBS, outcome, staffRequest } from "../staff-helpers";

/** A fresh feedback at the own or the other hub; returns its id. */
function feedbackAt(hub: Hub): string {
  const db = getDb();
  const venue = db.$client.prepare("SELECT id FROM venues WHERE slug = ?").get(HUBS[hub]) as { id: number };
  const saved = submitFeedback(
    db,
    {
      venueId: venue.id,
      seriesId: null,
      rating: 3,
      good: "",
      better: "Access matrix",
      wishType: null,
      wishDay: null,
      wishTime: null,
      wishNotes: "",
      ageBand: null,
      language: "en",
      contact: null,
    },
    new Date().toISOString(),
  );
  if (saved.kind !== "saved") throw new Error(saved.kind);
  return String(saved.id);
}

export const ACCESS: AccessEntry[] = [
  {
    route: "staff.feedback._index",
    method: "GET",
    call: async (p) => outcome(async () => listLoader({ request: await staffRequest(p, "/staff/feedback"), params: {}, context: {} })),
    expect: allowedTo("feedback"),
  },
  {
    route: "staff.feedback.$id",
    method: "GET",
    call: async (p, hub) => {
      const id = feedbackAt(hub);
      return outcome(async () => detailLoader({ request: await staffRequest(p, `/staff/feedback/${id}`), params: { id }, context: {} }));
    },
    expect: allowedAtHub("feedback"),
  },
  {
    route: "staff.feedback.$id",
    method: "POST",
    call: async (p, hub) => {
      const id = feedbackAt(hub);
      return outcome(async () =>
        detailAction({
          request: await staffRequest(p, `/staff/feedback/${id}`, { form: { intent: "not-an-intent" } }),
          params: { id },
          context: {},
        }),
      );
    },
    expect: allowedAtHub("feedback"),
  },
  {
    route: "staff.hubs.$slug.you-said-we-did",
    method: "GET",
    call: async (p, hub) =>
      outcome(async () =>
        publishLoader({ request: await staffRequest(p, `/staff/hubs/${HUBS[hub]}/you-said-we-did`), params: { slug: HUBS[hub] }, context: {} }),
      ),
    expect: allowedAtHub("you-said-we-did"),
  },
  {
    route: "staff.hubs.$slug.you-said-we-did",
    method: "POST",
    call: async (p, hub) =>
      outcome(async () =>
        publishAction({
          request: await staffRequest(p, `/staff/hubs/${HUBS[hub]}/you-said-we-did`, { form: { intent: "publish", said: "" } }),
          params: { slug: HUBS[hub] },
          context: {},
        }),
      ),
    expect: allowedAtHub("you-said-we-did"),
  },
];
