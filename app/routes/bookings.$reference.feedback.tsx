// A booking's one-use feedback link: /bookings/:reference/feedback?token=… (sent the day after,
// and on the manage page). The token opens only this booking's form, and only until it is used;
// a wrong token reads the same as a booking that does not exist. ?sent=1 (no token) says thank you.
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FeedbackDone, FeedbackForm } from "~/components/feedback-form";
import { normaliseReference } from "~/domain/booking";
import { inviteFromLink, submitFeedback } from "~/models/feedback.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { feedbackInput, FeedbackLinkSchema, parseFeedbackForm, sentFlag } from "~/utils/feedback-form.server";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { allow, clientKey } from "~/utils/rate-limit.server";

export const handle = { i18n: ["feedback"] };
export const meta = titleMeta;

// The link carries a secret: keep the page out of shared caches and other sites' referrers.
const PRIVATE = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };

function link(request: Request, params: { reference?: string }) {
  const parsed = FeedbackLinkSchema.safeParse({ reference: params.reference, token: new URL(request.url).searchParams.get("token") });
  const reference = parsed.success ? normaliseReference(parsed.data.reference) : null;
  return parsed.success && reference ? { reference, token: parsed.data.token } : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, title } = await translator(request, "feedback");
  if (sentFlag(request.url)) {
    return json({ title: title(t("feedback:thanks.heading")), state: "sent" as const, hub: null, sessionTitle: null }, { headers: PRIVATE });
  }
  const found = (() => {
    const l = link(request, params);
    return l ? inviteFromLink(getDb(), l.reference, l.token) : null;
  })();
  if (!found) throw new Response("Not found", { status: 404 });
  if (found.kind === "used") {
    return json({ title: title(t("feedback:used.title")), state: "used" as const, hub: null, sessionTitle: null }, { headers: PRIVATE });
  }
  return json(
    {
      title: title(t("feedback:form.title", { name: found.venue.name })),
      state: "open" as const,
      hub: { slug: found.venue.slug, name: found.venue.name },
      sessionTitle: found.series.title,
    },
    { headers: PRIVATE },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { t, title, locale } = await translator(request, "feedback");
  const l = link(request, params);
  const found = l ? inviteFromLink(getDb(), l.reference, l.token) : null;
  if (!l || !found) throw new Response("Not found", { status: 404 });
  const form = await request.formData();
  const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
  const fail = (errors: Record<string, string>, status = 400) =>
    json(
      { errors, values, title: title(t("feedback:form.title", { name: found.kind === "open" ? found.venue.name : "" }), true) },
      {
        status,
        headers: PRIVATE,
      },
    );
  if (found.kind === "used") return redirect(`/bookings/${l.reference}/feedback?sent=1`);
  if (!allow("feedback", clientKey(request, context), 10, 10 * 60_000)) return fail({ form: t("feedback:form.errors.rateLimited") }, 429);
  const parsed = parseFeedbackForm(values);
  if (!parsed.data) return fail(Object.fromEntries(Object.entries(parsed.errors).map(([field, key]) => [field, t(`feedback:${key}`)])));
  const input = feedbackInput(parsed.data, { venueId: found.venue.id, sessionIds: [found.series.id], locale });
  const outcome = submitFeedback(getDb(), input, now().toISOString(), l);
  if (outcome.kind === "not-found") throw new Response("Not found", { status: 404 });
  // Used meanwhile (two tabs): the first answer stands, and this one reads as already sent.
  return redirect(`/bookings/${l.reference}/feedback?sent=1`);
}

export default function BookingFeedback() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (data.state !== "open" || !data.hub)
    return <FeedbackDone kind={data.state === "used" ? "used" : "thanks"} hubSlug={null} hubName={null} />;
  return (
    <FeedbackForm
      hubName={data.hub.name}
      sessionTitle={data.sessionTitle ?? undefined}
      values={result?.values ?? {}}
      errors={result?.errors ?? {}}
    />
  );
}
