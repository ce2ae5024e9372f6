// "Tell us what you think" for a hub: /hubs/:slug/feedback, reachable without a booking (from the
// hub page, and by the QR code on the printed timetable and register), for walk-ins and families
// who never book. ?sent=1 is the thank-you page after the post/redirect/get.
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/govuk/back-link";
import { FeedbackDone, FeedbackForm } from "~/components/feedback-form";
import { submitFeedback } from "~/models/feedback.server";
import { venueSeries } from "~/models/series.server";
import { venueBySlug } from "~/models/venue.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { feedbackInput, parseFeedbackForm, sentFlag } from "~/utils/feedback-form.server";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { SlugParamsSchema } from "~/utils/params.server";
import { allow, clientKey } from "~/utils/rate-limit.server";

export const handle = { i18n: ["feedback"] };
export const meta = titleMeta;

function loadHub(params: unknown) {
  const parsed = SlugParamsSchema.safeParse(params);
  const venue = parsed.success ? venueBySlug(getDb(), parsed.data.slug) : undefined;
  if (!venue) throw new Response("Not found", { status: 404 });
  const sessions = venueSeries(getDb(), venue.id)
    .filter((s) => s.status === "active")
    .map((s) => ({ id: s.id, title: s.title }));
  return { venue, sessions };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { venue, sessions } = loadHub(params);
  const { t, title } = await translator(request, "feedback");
  const sent = sentFlag(request.url);
  return json({
    title: title(sent ? t("feedback:thanks.heading") : t("feedback:form.title", { name: venue.name })),
    sent,
    hub: { slug: venue.slug, name: venue.name },
    sessions,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { venue, sessions } = loadHub(params);
  const { t, title, locale } = await translator(request, "feedback");
  const form = await request.formData();
  const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
  const fail = (errors: Record<string, string>, status = 400) =>
    json({ errors, values, title: title(t("feedback:form.title", { name: venue.name }), true) }, { status });
  if (!allow("feedback", clientKey(request, context), 10, 10 * 60_000)) return fail({ form: t("feedback:form.errors.rateLimited") }, 429);
  const parsed = parseFeedbackForm(values);
  if (!parsed.data) return fail(Object.fromEntries(Object.entries(parsed.errors).map(([field, key]) => [field, t(`feedback:${key}`)])));
  const input = feedbackInput(parsed.data, { venueId: venue.id, sessionIds: sessions.map((s) => s.id), locale });
  submitFeedback(getDb(), input, now().toISOString());
  return redirect(`/hubs/${venue.slug}/feedback?sent=1`);
}

export default function HubFeedback() {
  const { sent, hub, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("feedback");
  if (sent) return <FeedbackDone kind="thanks" hubSlug={hub.slug} hubName={hub.name} />;
  return (
    <>
      <BackLink to={`/hubs/${hub.slug}`}>{t("form.backToHub", { name: hub.name })}</BackLink>
      <FeedbackForm hubName={hub.name} sessions={sessions} values={result?.values ?? {}} errors={result?.errors ?? {}} />
    </>
  );
}
