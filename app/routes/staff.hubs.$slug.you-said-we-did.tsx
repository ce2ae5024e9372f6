// "You said, we did" for one hub, for its managers (and administrators): publish what families
// said (a theme, how many) and what the hub did, linked to the feedback it answers; every family
// who asked to hear back is told through the outbox and their contact is then deleted. Also the
// hub's short, editable list of themes that staff tag feedback with.
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireStaff, requireStaffVenue } from "~/auth/guards.server";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Checkboxes, Select, TextInput, Textarea } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/success-banner";
import { isValidIsoDate, londonDate } from "~/domain/dates";
import { ENTRY_TEXT_MAX, RATING_SLUGS, type Rating, THEME_MAX } from "~/domain/feedback";
import { CONTENT_LANGUAGE, LANGUAGE_NAMES, OFFERED_LANGUAGES } from "~/i18n";
import { addTheme, hubThemes, retireTheme } from "~/models/feedback.server";
import { answerableFeedback, hubEntries, publishEntry } from "~/models/you-said-we-did.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDate, formatInstant } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { optionalField } from "~/utils/zod-fields";

export const handle = { i18n: ["staff", "feedback", "feedback-staff"] };
export const meta = titleMeta;

const id = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31);
const entryText = (key: string) => z.string({ message: key }).trim().min(1, key).max(ENTRY_TEXT_MAX, "publish.errors.tooLong");
const OTHER_LANGUAGES = OFFERED_LANGUAGES.filter((l) => l !== CONTENT_LANGUAGE);

const PublishSchema = z
  .object({
    intent: z.literal("publish"),
    theme: id,
    feedback: z.array(id).max(200),
    said: entryText("publish.errors.said"),
    did: entryText("publish.errors.did"),
    didOn: z.string().trim().refine(isValidIsoDate, "publish.errors.didOn"),
    translationLanguage: optionalField(z.enum(OTHER_LANGUAGES as [string, ...string[]], { message: "publish.errors.language" })),
    translatedSaid: z.string().trim().max(ENTRY_TEXT_MAX, "publish.errors.tooLong").default(""),
    translatedDid: z.string().trim().max(ENTRY_TEXT_MAX, "publish.errors.tooLong").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.translationLanguage && (!v.translatedSaid || !v.translatedDid)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [v.translatedSaid ? "translatedDid" : "translatedSaid"],
        message: "publish.errors.translation",
      });
    }
  });
const ThemeSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add-theme"),
    label: z.string({ message: "themes.errors.label" }).trim().min(1, "themes.errors.label").max(THEME_MAX, "themes.errors.labelTooLong"),
  }),
  z.object({ intent: z.literal("retire-theme"), themeId: id }),
]);
const PUBLISH_FIELDS = ["theme", "feedback", "said", "did", "didOn", "translationLanguage", "translatedSaid", "translatedDid"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "you-said-we-did");
  const venue = requireStaffVenue(user, params.slug);
  const { t, title, locale } = await translator(request, ["staff", "feedback-staff"]);
  const db = getDb();
  const url = new URL(request.url);
  const themes = hubThemes(db, venue.id);
  const themeId = id
    .optional()
    .catch(undefined)
    .parse(url.searchParams.get("theme") ?? undefined);
  const theme = themes.find((th) => th.id === themeId);
  const done = z
    .enum(["published", "theme-added", "theme-retired"])
    .optional()
    .catch(undefined)
    .parse(url.searchParams.get("done") ?? undefined);
  const told = z.coerce
    .number()
    .int()
    .min(0)
    .catch(0)
    .parse(url.searchParams.get("told") ?? 0);
  return json(
    {
      title: title(t("feedback-staff:publish.title", { name: venue.name })),
      hub: { slug: venue.slug, name: venue.name },
      themes,
      theme: theme ?? null,
      answerable: theme ? answerableFeedback(db, venue.id, theme.id).map((f) => ({ ...f, received: formatInstant(f.createdAt, locale) })) : [],
      entries: hubEntries(db, venue.id).map((e) => ({ ...e, didOnText: formatDate(e.didOn, locale) })),
      today: londonDate(now()),
      done: done ?? null,
      told,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, "you-said-we-did");
  const venue = requireStaffVenue(user, params.slug);
  const { t } = await translator(request, ["staff", "feedback-staff"]);
  const db = getDb();
  const form = await request.formData();
  const values = Object.fromEntries([...form].filter(([k]) => k !== "feedback").map(([k, v]) => [k, String(v)]));
  // zod's own messages (a number that is not one) are not keys: they read as the general error.
  const key = (v: string) => (/^\w+\.errors\.\w+$/.test(v) ? v : "publish.errors.form");
  const translate = (errors: Record<string, string>) =>
    Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(`feedback-staff:${key(v)}`)]));
  const fail = (errors: Record<string, string>) =>
    json({ errors: translate(errors), values, feedback: form.getAll("feedback").map(String) }, { status: 400 });

  if (values.intent === "publish") {
    const parsed = PublishSchema.safeParse({ ...values, feedback: form.getAll("feedback").map(String) });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "said")] ??= issue.message;
      return fail(errors);
    }
    const d = parsed.data;
    const outcome = publishEntry(
      db,
      user,
      {
        venueId: venue.id,
        themeId: d.theme,
        said: d.said,
        did: d.did,
        didOn: d.didOn,
        translation: d.translationLanguage ? { language: d.translationLanguage, said: d.translatedSaid, did: d.translatedDid } : null,
        feedbackIds: d.feedback,
      },
      now().toISOString(),
    );
    if (outcome.kind === "bad-theme") return fail({ theme: "publish.errors.theme" });
    if (outcome.kind === "bad-feedback") return fail({ feedback: "publish.errors.feedback" });
    return redirect(`/staff/hubs/${venue.slug}/you-said-we-did?done=published&told=${outcome.told}`);
  }

  const parsed = ThemeSchema.safeParse(values);
  if (!parsed.success) return fail({ label: parsed.error.issues[0]?.message ?? "themes.errors.label" });
  if (parsed.data.intent === "add-theme") {
    const outcome = addTheme(db, user, venue.id, parsed.data.label);
    if (outcome.kind === "duplicate") return fail({ label: "themes.errors.duplicate" });
    if (outcome.kind === "too-many") return fail({ label: "themes.errors.tooMany" });
    return redirect(`/staff/hubs/${venue.slug}/you-said-we-did?done=theme-added#themes`);
  }
  const outcome = retireTheme(db, user, venue.id, parsed.data.themeId);
  if (outcome.kind === "not-found") throw new Response("Not found", { status: 404 });
  return redirect(`/staff/hubs/${venue.slug}/you-said-we-did?done=theme-retired#themes`);
}

export default function YouSaidWeDidStaff() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("feedback-staff");
  const errors: Record<string, string> = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? {};
  const publishing = values.intent === "publish";
  const checked = publishing ? (result?.feedback ?? []) : data.answerable.map((f) => String(f.id));
  const errorList = [...PUBLISH_FIELDS, "label"].filter((f) => errors[f]).map((f) => ({ href: `#${f}`, text: errors[f] }));
  return (
    <>
      <ErrorSummary errors={errorList} />
      {data.done && (
        <SuccessBanner
          title={t("feedback-staff:detail.doneTitle")}
          heading={
            data.done === "published" ? t("feedback-staff:publish.done", { count: data.told }) : t(`feedback-staff:themes.done.${data.done}`)
          }
        />
      )}
      <span className="govuk-caption-l">{data.hub.name}</span>
      <h1 className="govuk-heading-l">{t("feedback-staff:publish.heading")}</h1>
      <p className="govuk-body">{t("feedback-staff:publish.intro")}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/staff/feedback?hub=${data.hub.slug}`}>
          {t("feedback-staff:publish.readFeedback")}
        </Link>{" "}
        ·{" "}
        <Link className="govuk-link" to={`/hubs/${data.hub.slug}#you-said-we-did`}>
          {t("feedback-staff:publish.publicPage")}
        </Link>
      </p>

      <h2 className="govuk-heading-m">{t("feedback-staff:publish.newHeading")}</h2>
      <Form method="get" aria-label={t("feedback-staff:publish.chooseTheme")}>
        <Select
          id="choose-theme"
          name="theme"
          label={t("feedback-staff:publish.chooseTheme")}
          hint={t("feedback-staff:publish.chooseThemeHint")}
          defaultValue={data.theme ? String(data.theme.id) : ""}
          options={[
            { value: "", label: t("feedback-staff:publish.pickTheme") },
            ...data.themes.map((th) => ({ value: String(th.id), label: th.label, lang: CONTENT_LANGUAGE })),
          ]}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("feedback-staff:publish.showFeedback")}
        </button>
      </Form>

      {data.theme && (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="publish" />
          <input type="hidden" name="theme" id="theme" value={data.theme.id} />
          {data.answerable.length === 0 ? (
            <p className="govuk-body">{t("feedback-staff:publish.noneToAnswer")}</p>
          ) : (
            <Checkboxes
              name="feedback"
              legend={t("feedback-staff:publish.feedbackLegend", { theme: data.theme.label })}
              legendClassName="govuk-fieldset__legend--s"
              hint={t("feedback-staff:publish.feedbackHint")}
              error={errors.feedback}
              small
              defaultValue={checked}
              options={data.answerable.map((f) => ({
                value: String(f.id),
                label: `${t(`feedback:form.ratings.${RATING_SLUGS[f.rating as Rating]}`)} · ${f.received}`,
                hint: [f.hidden ? t("feedback-staff:hidden") : f.better || f.good, f.wantsAnswer ? t("feedback-staff:wantsAnswer") : ""]
                  .filter(Boolean)
                  .join(" · "),
              }))}
            />
          )}
          <Textarea
            id="said"
            name="said"
            label={t("feedback-staff:publish.said")}
            hint={t("feedback-staff:publish.saidHint")}
            error={errors.said}
            defaultValue={values.said}
            rows={3}
            maxLength={ENTRY_TEXT_MAX}
          />
          <Textarea
            id="did"
            name="did"
            label={t("feedback-staff:publish.did")}
            hint={t("feedback-staff:publish.didHint")}
            error={errors.did}
            defaultValue={values.did}
            rows={3}
            maxLength={ENTRY_TEXT_MAX}
          />
          <TextInput
            id="didOn"
            name="didOn"
            label={t("feedback-staff:publish.didOn")}
            hint={t("feedback-staff:publish.didOnHint", { today: data.today })}
            error={errors.didOn}
            defaultValue={values.didOn ?? data.today}
            className="govuk-input--width-10"
          />
          <details
            className="govuk-details"
            open={Boolean(values.translationLanguage || errors.translationLanguage || errors.translatedSaid || errors.translatedDid)}
          >
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">{t("feedback-staff:publish.translation")}</span>
            </summary>
            <div className="govuk-details__text">
              <Select
                id="translationLanguage"
                name="translationLanguage"
                label={t("feedback-staff:publish.translationLanguage")}
                error={errors.translationLanguage}
                defaultValue={values.translationLanguage ?? ""}
                options={[
                  { value: "", label: t("feedback-staff:publish.noTranslation") },
                  ...OTHER_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l })),
                ]}
              />
              <Textarea
                id="translatedSaid"
                name="translatedSaid"
                label={t("feedback-staff:publish.translatedSaid")}
                error={errors.translatedSaid}
                defaultValue={values.translatedSaid}
                rows={3}
              />
              <Textarea
                id="translatedDid"
                name="translatedDid"
                label={t("feedback-staff:publish.translatedDid")}
                error={errors.translatedDid}
                defaultValue={values.translatedDid}
                rows={3}
              />
            </div>
          </details>
          <button type="submit" className="govuk-button">
            {t("feedback-staff:publish.submit")}
          </button>
        </Form>
      )}

      <h2 className="govuk-heading-m">{t("feedback-staff:publish.published")}</h2>
      {data.entries.length === 0 ? (
        <p className="govuk-body">{t("feedback-staff:publish.noEntries")}</p>
      ) : (
        <ul className="govuk-list">
          {data.entries.map((e) => (
            <li key={e.id} className="app-feedback-item">
              <p className="govuk-body govuk-!-margin-bottom-1">
                <strong>{e.didOnText}</strong>
                {e.theme && (
                  <>
                    {" · "}
                    <span lang={CONTENT_LANGUAGE}>{e.theme}</span>
                  </>
                )}{" "}
                · {t("feedback-staff:publish.linked", { count: e.saidCount })}
              </p>
              <p className="govuk-body govuk-!-margin-bottom-1" lang={CONTENT_LANGUAGE}>
                {e.said}
              </p>
              <p className="govuk-body" lang={CONTENT_LANGUAGE}>
                {e.did}
              </p>
            </li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m" id="themes">
        {t("feedback-staff:themes.heading")}
      </h2>
      <p className="govuk-body">{t("feedback-staff:themes.intro")}</p>
      <ul className="govuk-list">
        {data.themes.map((th) => (
          <li key={th.id}>
            <Form method="post" className="app-inline-form">
              <input type="hidden" name="intent" value="retire-theme" />
              <input type="hidden" name="themeId" value={th.id} />
              <span lang={CONTENT_LANGUAGE}>{th.label}</span>{" "}
              <button type="submit" className="app-link-button govuk-link">
                {t("feedback-staff:themes.retire")}
                <span className="govuk-visually-hidden"> {t("feedback-staff:themes.retireContext", { label: th.label })}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" noValidate aria-labelledby="add-theme-heading">
        <h3 className="govuk-heading-s" id="add-theme-heading">
          {t("feedback-staff:themes.add")}
        </h3>
        <input type="hidden" name="intent" value="add-theme" />
        <TextInput
          id="label"
          name="label"
          label={t("feedback-staff:themes.label")}
          hint={t("feedback-staff:themes.labelHint", { count: THEME_MAX })}
          error={errors.label}
          defaultValue={values.intent === "add-theme" ? values.label : ""}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("feedback-staff:themes.addSubmit")}
        </button>
      </Form>
    </>
  );
}
