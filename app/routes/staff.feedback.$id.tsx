// One family's feedback, for staff at its hub: what they said (unless hidden as abusive), what
// they would like the hub to run, the themes it is tagged with (the hub's own list) and any
// "you said, we did" that answered it. Hiding abusive text is final: it stays in the table for the
// audit and is never shown again, to anyone.
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireStaff, requireVenueAccess } from "~/auth/guards.server";
import { BackLink } from "~/components/govuk/back-link";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Checkboxes } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/success-banner";
import { SummaryRow } from "~/components/govuk/summary-list";
import { Tag } from "~/components/govuk/tag";
import { RATING_SLUGS, type Rating } from "~/domain/feedback";
import { may, type StaffUser } from "~/domain/permissions";
import { CONTENT_LANGUAGE } from "~/i18n";
import { hubThemes, setFeedbackHidden, setFeedbackTags } from "~/models/feedback.server";
import { getFeedback } from "~/models/feedback-list.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDate, formatInstant, languageName } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { IdParamsSchema } from "~/utils/params.server";

export const handle = { i18n: ["staff", "feedback", "feedback-staff"] };
export const meta = titleMeta;

/** The feedback in the URL: 404 when there is none, 403 when it is another hub's. */
function load(user: StaffUser, params: unknown) {
  const parsed = IdParamsSchema.safeParse(params);
  const found = parsed.success ? getFeedback(getDb(), parsed.data.id) : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  requireVenueAccess(user, found.venueId);
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "feedback");
  const f = load(user, params);
  const { t, title, locale } = await translator(request, ["staff", "feedback-staff"]);
  const done = z
    .enum(["tagged", "hidden"])
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get("done") ?? undefined);
  return json(
    {
      title: title(t("feedback-staff:detail.title", { id: f.id })),
      f: { ...f, received: formatInstant(f.createdAt, locale), language: languageName(f.language, locale) },
      themes: hubThemes(getDb(), f.venueId),
      done: done ?? null,
      mayPublish: may(user, "you-said-we-did"),
      answers: f.answers.map((a) => ({ ...a, published: formatDate(a.publishedAt.slice(0, 10), locale) })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("tag"),
    themes: z
      .array(
        z.coerce
          .number()
          .int()
          .positive()
          .max(2 ** 31),
      )
      .max(20),
  }),
  z.object({ intent: z.literal("hide") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, "feedback");
  const f = load(user, params);
  const { t } = await translator(request, ["staff", "feedback-staff"]);
  const form = await request.formData();
  const parsed = ActionSchema.safeParse({ intent: form.get("intent"), themes: form.getAll("themes").map(String) });
  if (!parsed.success) return json({ errors: { themes: t("feedback-staff:detail.errors.form") } }, { status: 400 });
  const db = getDb();
  if (parsed.data.intent === "tag") {
    const outcome = setFeedbackTags(db, user, f.id, parsed.data.themes);
    if (outcome.kind === "bad-theme") return json({ errors: { themes: t("feedback-staff:detail.errors.theme") } }, { status: 400 });
    return redirect(`/staff/feedback/${f.id}?done=tagged`);
  }
  setFeedbackHidden(db, user, f.id, now().toISOString());
  return redirect(`/staff/feedback/${f.id}?done=hidden`);
}

export default function StaffFeedbackDetail() {
  const { f, themes, done, mayPublish, answers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("feedback-staff");
  const errors: Record<string, string> = result?.errors ?? {};
  const tagged = new Set(f.tags.map((tag) => String(tag.id)));
  return (
    <>
      <BackLink to="/staff/feedback">{t("feedback-staff:detail.back")}</BackLink>
      <ErrorSummary errors={errors.themes ? [{ href: "#themes", text: errors.themes }] : []} />
      {done && <SuccessBanner title={t("feedback-staff:detail.doneTitle")} heading={t(`feedback-staff:detail.done.${done}`)} />}
      <span className="govuk-caption-l">{f.venueName}</span>
      <h1 className="govuk-heading-l">{t("feedback-staff:detail.heading", { id: f.id })}</h1>
      <dl className="govuk-summary-list">
        <SummaryRow label={t("feedback-staff:detail.received")}>{f.received}</SummaryRow>
        <SummaryRow label={t("feedback-staff:detail.session")}>
          {f.seriesTitle ? <span lang={CONTENT_LANGUAGE}>{f.seriesTitle}</span> : t("feedback-staff:detail.noSession")}
        </SummaryRow>
        <SummaryRow label={t("feedback-staff:detail.source")}>
          {f.fromBooking ? t("feedback-staff:detail.fromBooking") : t("feedback-staff:detail.fromHubPage")}
        </SummaryRow>
        <SummaryRow label={t("feedback:form.rating")}>{t(`feedback:form.ratings.${RATING_SLUGS[f.rating as Rating]}`)}</SummaryRow>
        {f.hidden ? (
          <SummaryRow label={t("feedback-staff:detail.text")}>
            <Tag colour="grey">{t("feedback-staff:hidden")}</Tag> {t("feedback-staff:detail.hiddenExplained")}
          </SummaryRow>
        ) : (
          <>
            <SummaryRow label={t("feedback:form.good")}>{f.good || t("feedback-staff:detail.blank")}</SummaryRow>
            <SummaryRow label={t("feedback:form.better")}>{f.better || t("feedback-staff:detail.blank")}</SummaryRow>
          </>
        )}
        <SummaryRow label={t("feedback:form.wish")}>
          {[
            f.wishType ? (f.wishType === "other" ? t("feedback-staff:wish.other") : t(`common:types.${f.wishType}`)) : null,
            f.wishDay ? t(`common:days.${f.wishDay}`) : null,
            f.wishTime ? t(`feedback:form.times.${f.wishTime}`) : null,
            f.hidden ? null : f.wishNotes || null,
          ]
            .filter(Boolean)
            .join(" · ") || t("feedback-staff:detail.blank")}
        </SummaryRow>
        <SummaryRow label={t("feedback-staff:detail.ageBand")}>
          {f.ageBand ? t(`common:ageBands.${f.ageBand}`) : t("feedback-staff:detail.blank")}
        </SummaryRow>
        <SummaryRow label={t("feedback-staff:detail.language")}>{f.language}</SummaryRow>
        <SummaryRow label={t("feedback-staff:detail.hearBack")}>
          {f.told
            ? t("feedback-staff:detail.told")
            : f.wantsAnswer
              ? t("feedback-staff:detail.wantsAnswer")
              : t("feedback-staff:detail.noAnswerWanted")}
        </SummaryRow>
      </dl>

      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="tag" />
        <Checkboxes
          name="themes"
          legend={t("feedback-staff:detail.themes")}
          legendClassName="govuk-fieldset__legend--m"
          hint={t("feedback-staff:detail.themesHint")}
          error={errors.themes}
          small
          options={themes.map((th) => ({ value: String(th.id), label: <span lang={CONTENT_LANGUAGE}>{th.label}</span> }))}
          defaultValue={[...tagged]}
        />
        <button type="submit" className="govuk-button">
          {t("feedback-staff:detail.saveThemes")}
        </button>
      </Form>
      {mayPublish && (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/staff/hubs/${f.venueSlug}/you-said-we-did`}>
            {t("feedback-staff:detail.editThemes")}
          </Link>
        </p>
      )}

      <h2 className="govuk-heading-m">{t("feedback-staff:detail.answersHeading")}</h2>
      {answers.length === 0 ? (
        <p className="govuk-body">{t("feedback-staff:detail.noAnswers")}</p>
      ) : (
        <ul className="govuk-list">
          {answers.map((a) => (
            <li key={a.id}>
              <span lang={CONTENT_LANGUAGE}>{a.said}</span> ({a.published})
            </li>
          ))}
        </ul>
      )}

      {f.hasText && !f.hidden && (
        <>
          <h2 className="govuk-heading-m">{t("feedback-staff:detail.hideHeading")}</h2>
          <p className="govuk-body">{t("feedback-staff:detail.hideExplained")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="hide" />
            <button type="submit" className="govuk-button govuk-button--warning">
              {t("feedback-staff:detail.hide")}
            </button>
          </Form>
        </>
      )}
    </>
  );
}
