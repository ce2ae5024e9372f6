// A locality's week on paper: every session at every hub and venue in the area, with where it is.
// /localities/:slug/timetable/print?week=2026-W48
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/govuk/back-link";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { PeriodForm, PrintTimetable } from "~/components/share-panel";
import { addDays, londonDate } from "~/domain/dates";
import { formatIsoWeek } from "~/domain/iso-week";
import type { PrintData } from "~/domain/share";
import { getLocality } from "~/models/locality.server";
import { addressLines, printDays, printFrame } from "~/models/share.server";
import { timetableBetween } from "~/models/timetable.server";
import { listVenues } from "~/models/venue.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { SlugParamsSchema, weekParam } from "~/utils/params.server";

export const handle = { i18n: ["share"] };
export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = SlugParamsSchema.safeParse(params);
  const db = getDb();
  const found = parsed.success ? getLocality(db, parsed.data.slug) : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  const { t, title, locale } = await translator(request, "share");
  const { locality, localAuthority } = found;
  const { weekStart, raw } = weekParam(new URL(request.url).searchParams);
  if (!weekStart) {
    return json(
      {
        title: title(t("share:print.errorTitle", { name: locality.name }), true),
        slug: locality.slug,
        name: locality.name,
        error: t("share:print.errors.week", { example: formatIsoWeek(londonDate(now())) }),
        value: raw,
        example: formatIsoWeek(londonDate(now())),
        print: null,
      },
      { status: 400 },
    );
  }
  const rows = timetableBetween(db, { localityId: locality.id }, weekStart, addDays(weekStart, 6));
  const venues = listVenues(db, locality.id).map((v) => v.venue);
  const frame = await printFrame(`/localities/${locality.slug}`, weekStart, locale);
  const print: PrintData = {
    ...frame,
    name: locality.name,
    caption: t("share:print.localityCaption", { area: localAuthority.name }),
    places: venues.map((v) => ({ name: v.name, lines: addressLines(v, t) })),
    isSample: venues.some((v) => v.isSample),
    days: printDays(rows, weekStart, t, locale),
  };
  return json({
    title: title(t("share:print.title", { name: locality.name, dates: frame.weekHeading })),
    slug: locality.slug,
    name: locality.name,
    error: null as string | null,
    value: frame.week,
    example: frame.thisWeek,
    print,
  });
}

export default function PrintLocalityTimetable() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("share");
  if (!data.print) {
    return (
      <>
        <ErrorSummary errors={[{ href: "#week", text: data.error ?? "" }]} />
        <BackLink to={`/localities/${data.slug}`}>{t("print.backToLocality", { name: data.name })}</BackLink>
        <h1 className="govuk-heading-l">{t("print.errorTitle", { name: data.name })}</h1>
        <PeriodForm period="week" value={data.value} example={data.example} error={data.error ?? undefined} />
      </>
    );
  }
  return (
    <PrintTimetable
      data={data.print}
      backTo={`/localities/${data.slug}`}
      backLabel={t("print.backToLocality", { name: data.name })}
      showVenue
    />
  );
}
