// Add a session series (weekly, or a one-off event) at a hub: /staff/series/new?venue=<slug>.
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff, requireStaffVenue } from "~/auth/guards.server";
import { BackLink } from "~/components/govuk/back-link";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { seriesErrorList, SeriesForm } from "~/components/series-form";
import { horizonWeeks } from "~/models/occurrence-generation.server";
import { createSeries } from "~/models/series.server";
import { clockNow } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { NEW_SERIES_VALUES, parseSeriesForm, seriesFormValues, type SeriesFormValues } from "~/utils/series-form";

export const handle = { i18n: ["staff", "timetable"] };
export const meta = titleMeta;

/** The signed-in person and the hub from ?venue=, which they must work at. */
async function load(request: Request) {
  const user = await requireStaff(request, "timetable");
  const venue = requireStaffVenue(user, new URL(request.url).searchParams.get("venue"));
  return { user, venue };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { venue } = await load(request);
  const { t, title } = await translator(request, "timetable");
  return json({ title: title(t("timetable:new.title")), venue: { slug: venue.slug, name: venue.name } });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, venue } = await load(request);
  const { t, title } = await translator(request, "timetable");
  const values = seriesFormValues(await request.formData());
  const fail = (errors: Record<string, string>) =>
    json(
      {
        title: title(t("timetable:new.title"), true),
        errors: Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(`timetable:${key}`)])),
        values,
      },
      { status: 400 },
    );
  const parsed = parseSeriesForm(values);
  if (parsed.errors) return fail(parsed.errors as Record<string, string>);
  const outcome = createSeries(getDb(), user, venue.id, parsed.data, clockNow(), horizonWeeks());
  if (outcome.kind === "error") return fail({ [outcome.field]: outcome.key });
  return redirect(`/staff/series/${outcome.id}?done=created&added=${outcome.added}`);
}

export default function NewSeries() {
  const { venue } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("timetable");
  const errors: Record<string, string> = result?.errors ?? {};
  const values: SeriesFormValues = result?.values ?? NEW_SERIES_VALUES;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/staff/hubs/${venue.slug}/timetable`}>{t("series.backToTimetable")}</BackLink>
        <ErrorSummary errors={seriesErrorList(errors)} />
        <span className="govuk-caption-l">{venue.name}</span>
        <h1 className="govuk-heading-l">{t("new.heading")}</h1>
        <p className="govuk-body">{t("new.intro")}</p>
        <SeriesForm values={values} errors={errors} submitLabel={t("new.submit")} busy={navigation.state === "submitting"} />
      </div>
    </div>
  );
}
