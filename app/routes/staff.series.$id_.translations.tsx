// A hub's own translations of a series' title and description (optional, one per language). Shown
// to families reading that language, marked as a translation; the English stays the original.
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireStaff, requireVenueAccess } from "~/auth/guards.server";
import { BackLink } from "~/components/govuk/back-link";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Textarea, TextInput } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/success-banner";
import { CONTENT_LANGUAGE, LANGUAGE_NAMES, OFFERED_LANGUAGES, textDirection } from "~/i18n";
import { getSeries } from "~/models/series.server";
import { saveSeriesTranslations, seriesTranslations } from "~/models/series-translation.server";
import { getDb } from "~/utils/db.server";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { IdParamsSchema } from "~/utils/params.server";

export const handle = { i18n: ["staff", "timetable"] };
export const meta = titleMeta;

/** The languages a series can be translated into: every offered one but the staff's own. */
const TARGETS = OFFERED_LANGUAGES.filter((lng) => lng !== CONTENT_LANGUAGE);
const TITLE_MAX = 120;
const DESCRIPTION_MAX = 2000;

const field = (max: number, key: string) => z.string().trim().max(max, key).default("");
const TranslationsSchema = z
  .object(
    Object.fromEntries(
      TARGETS.flatMap((lng) => [
        [`title-${lng}`, field(TITLE_MAX, "translations.errors.titleTooLong")],
        [`description-${lng}`, field(DESCRIPTION_MAX, "translations.errors.descriptionTooLong")],
      ]),
    ) as Record<string, z.ZodDefault<z.ZodString>>,
  )
  .superRefine((v, ctx) => {
    // A description with no title would leave the page half in one language and half in another.
    for (const lng of TARGETS) {
      if (v[`description-${lng}`] && !v[`title-${lng}`]) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [`title-${lng}`], message: "translations.errors.titleNeeded" });
      }
    }
  });

const DoneSchema = z.object({ done: z.literal("saved").optional().catch(undefined) });

async function load(request: Request, params: unknown) {
  const user = await requireStaff(request, "timetable");
  const parsed = IdParamsSchema.safeParse(params);
  const found = parsed.success ? getSeries(getDb(), parsed.data.id) : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  requireVenueAccess(user, found.venue.id);
  return { user, ...found };
}

function valuesFrom(entries: Record<string, { title: string; description: string }>) {
  return Object.fromEntries(
    TARGETS.flatMap((lng) => [
      [`title-${lng}`, entries[lng]?.title ?? ""],
      [`description-${lng}`, entries[lng]?.description ?? ""],
    ]),
  );
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { series, venue } = await load(request, params);
  const { t, title } = await translator(request, "timetable");
  const done = DoneSchema.parse(Object.fromEntries(new URL(request.url).searchParams)).done;
  return json(
    {
      title: title(t("timetable:translations.title", { title: series.title })),
      series: { id: series.id, title: series.title, description: series.description },
      venue: { name: venue.name },
      values: valuesFrom(seriesTranslations(getDb(), series.id)),
      done: done === "saved",
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, series, venue } = await load(request, params);
  const { t, title } = await translator(request, "timetable");
  const form = Object.fromEntries([...(await request.formData()).entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const parsed = TranslationsSchema.safeParse(form);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= t(`timetable:${issue.message}`);
    const values = Object.fromEntries(TARGETS.flatMap((lng) => [`title-${lng}`, `description-${lng}`]).map((k) => [k, form[k] ?? ""]));
    return json({ title: title(t("timetable:translations.title", { title: series.title }), true), errors, values }, { status: 400 });
  }
  const v = parsed.data;
  saveSeriesTranslations(
    getDb(),
    user,
    series.id,
    venue.id,
    Object.fromEntries(TARGETS.map((lng) => [lng, { title: v[`title-${lng}`], description: v[`description-${lng}`] }])),
  );
  return redirect(`/staff/series/${series.id}/translations?done=saved`);
}

export default function SeriesTranslations() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { t } = useTranslation("timetable");
  const errors: Record<string, string> = result?.errors ?? {};
  const values: Record<string, string> = result?.values ?? data.values;
  const errorList = TARGETS.flatMap((lng) => [`title-${lng}`, `description-${lng}`])
    .filter((k) => errors[k])
    .map((k) => ({ href: `#${k}`, text: errors[k] }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/staff/series/${data.series.id}`}>{t("translations.back")}</BackLink>
        <ErrorSummary errors={errorList} />
        {data.done && !result && <SuccessBanner title={t("banner.success")} heading={t("translations.saved")} />}
        <span className="govuk-caption-l">{data.venue.name}</span>
        <h1 className="govuk-heading-l">{t("translations.heading")}</h1>
        <p className="govuk-body">{t("translations.intro")}</p>
        <div className="govuk-inset-text">
          <p className="govuk-body govuk-!-font-weight-bold" lang={CONTENT_LANGUAGE} dir="ltr">
            {data.series.title}
          </p>
          <p className="govuk-body" lang={CONTENT_LANGUAGE} dir="ltr">
            {data.series.description}
          </p>
        </div>
        <Form method="post" noValidate>
          {TARGETS.map((lng) => (
            <fieldset className="govuk-fieldset" key={lng}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                <span lang={lng} dir={textDirection(lng)}>
                  {LANGUAGE_NAMES[lng]}
                </span>
              </legend>
              <TextInput
                id={`title-${lng}`}
                name={`title-${lng}`}
                label={t("translations.titleLabel")}
                error={errors[`title-${lng}`]}
                defaultValue={values[`title-${lng}`]}
                lang={lng}
                dir={textDirection(lng)}
              />
              <Textarea
                id={`description-${lng}`}
                name={`description-${lng}`}
                label={t("translations.descriptionLabel")}
                hint={t("translations.descriptionHint", { max: DESCRIPTION_MAX })}
                error={errors[`description-${lng}`]}
                defaultValue={values[`description-${lng}`]}
                maxLength={DESCRIPTION_MAX}
                rows={4}
                lang={lng}
                dir={textDirection(lng)}
              />
            </fieldset>
          ))}
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
            {t("translations.save")}
          </button>
        </Form>
      </div>
    </div>
  );
}
