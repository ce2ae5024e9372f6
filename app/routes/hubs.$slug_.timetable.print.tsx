// A hub's week on one A4 page: /hubs/:slug/timetable/print?week=2026-W48. Large type, each day's
// sessions, the address, and a QR code to the page online, in the page's language.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/govuk/back-link";
import { FeedbackQr } from "~/components/feedback-qr";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { PeriodForm, PrintTimetable } from "~/components/share-panel";
import { addDays, londonDate } from "~/domain/dates";
import { formatIsoWeek } from "~/domain/iso-week";
import type { PrintData } from "~/domain/share";
import { addressLines, printDays, printFrame, siteUrl } from "~/models/share.server";
import { timetableBetween } from "~/models/timetable.server";
import { getVenue } from "~/models/venue.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { SlugParamsSchema, weekParam } from "~/utils/params.server";
import { qrSvg } from "~/utils/qr.server";

export const handle = { i18n: ["share", "feedback"] };
export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = SlugParamsSchema.safeParse(params);
  const db = getDb();
  const found = parsed.success ? getVenue(db, parsed.data.slug) : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  const { t, title, locale } = await translator(request, ["share", "venue"]);
  const { venue } = found;
  const { weekStart, raw } = weekParam(new URL(request.url).searchParams);
  if (!weekStart) {
    return json(
      {
        title: title(t("share:print.errorTitle", { name: venue.name }), true),
        slug: venue.slug,
        name: venue.name,
        error: t("share:print.errors.week", { example: formatIsoWeek(londonDate(now())) }),
        value: raw,
        example: formatIsoWeek(londonDate(now())),
        print: null,
      },
      { status: 400 },
    );
  }
  const rows = timetableBetween(db, { venueId: venue.id }, weekStart, addDays(weekStart, 6));
  const frame = await printFrame(`/hubs/${venue.slug}`, weekStart, locale);
  const print: PrintData = {
    ...frame,
    name: venue.name,
    caption: t("share:print.hubCaption"),
    places: [{ name: venue.name, lines: addressLines(venue, t), phone: venue.phone }],
    isSample: venue.isSample,
    days: printDays(rows, weekStart, t, locale),
  };
  const feedbackUrl = siteUrl(`/hubs/${venue.slug}/feedback`, { lng: locale });
  return json({
    feedback: { url: feedbackUrl, qr: await qrSvg(feedbackUrl) },
    title: title(t("share:print.title", { name: venue.name, dates: frame.weekHeading })),
    slug: venue.slug,
    name: venue.name,
    error: null as string | null,
    value: frame.week,
    example: frame.thisWeek,
    print,
  });
}

export default function PrintHubTimetable() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("share");
  if (!data.print) {
    return (
      <>
        <ErrorSummary errors={[{ href: "#week", text: data.error ?? "" }]} />
        <BackLink to={`/hubs/${data.slug}`}>{t("print.backToHub", { name: data.name })}</BackLink>
        <h1 className="govuk-heading-l">{t("print.errorTitle", { name: data.name })}</h1>
        <PeriodForm period="week" value={data.value} example={data.example} error={data.error ?? undefined} />
      </>
    );
  }
  return (
    <>
      <PrintTimetable data={data.print} backTo={`/hubs/${data.slug}`} backLabel={t("print.backToHub", { name: data.name })} showVenue={false} />
      <FeedbackQr qr={data.feedback.qr} url={data.feedback.url} />
    </>
  );
}
