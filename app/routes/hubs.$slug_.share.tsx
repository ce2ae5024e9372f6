// Share a hub with a family (link, QR code, text message, email in the family's language), and
// the ways to print its timetable. /hubs/:slug/share: the trailing "_" keeps it out of the hub
// page's layout.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/govuk/breadcrumbs";
import { SharePage } from "~/components/share-panel";
import { addDays, londonDate } from "~/domain/dates";
import { formatIsoWeek, formatMonth } from "~/domain/iso-week";
import { familyLanguage, shareData, shareLanguages } from "~/models/share.server";
import { getVenue } from "~/models/venue.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { SlugParamsSchema } from "~/utils/params.server";
import { translatorFor } from "~/utils/translate.server";

export const handle = { i18n: ["share"] };
export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = SlugParamsSchema.safeParse(params);
  const found = parsed.success ? getVenue(getDb(), parsed.data.slug) : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  const { t, title, locale } = await translator(request, "share");
  const { venue, locality } = found;
  const family = familyLanguage(new URL(request.url).searchParams, locale);
  const today = londonDate(now());
  const base = {
    slug: venue.slug,
    name: venue.name,
    locality: { slug: locality.slug, name: locality.name },
    pageLang: locale,
    thisWeek: formatIsoWeek(today),
    nextWeek: formatIsoWeek(addDays(today, 7)),
    thisMonth: formatMonth(today),
    languages: shareLanguages(),
  };
  const pageTitle = (hasErrors: boolean) => title(t("share:hub.title", { name: venue.name }), hasErrors);
  if (family.error) {
    return json({ ...base, title: pageTitle(true), familyLang: family.lang, error: t(`share:${family.error}`), share: null }, { status: 400 });
  }
  const tr = translatorFor(family.lang);
  const share = await shareData({
    kind: "hub",
    path: `/hubs/${venue.slug}`,
    familyLang: family.lang,
    title: venue.name,
    values: {
      address: venue.kind === "online" ? String(tr("common:session.online")) : [venue.addressLine1, venue.postcode].filter(Boolean).join(", "),
    },
  });
  return json({ ...base, title: pageTitle(false), familyLang: family.lang, error: null as string | null, share });
}

export default function ShareHub() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("share");
  return (
    <SharePage
      top={
        <Breadcrumbs
          items={[
            { to: `/localities/${data.locality.slug}`, label: data.locality.name },
            { to: `/hubs/${data.slug}`, label: data.name },
          ]}
        />
      }
      caption={t("hub.caption")}
      heading={data.name}
      action={`/hubs/${data.slug}/share`}
      state={data}
      qrLabel={t("hub.qrLabel", { name: data.name })}
      linkLabel={t("hub.linkLabel")}
    >
      <section aria-labelledby="share-print-heading">
        <h2 className="govuk-heading-m" id="share-print-heading">
          {t("panel.printHeading")}
        </h2>
        <p className="govuk-body">{t("panel.printIntro")}</p>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`/hubs/${data.slug}/timetable/print?week=${data.thisWeek}`}>
              {t("panel.printThisWeek")}
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/hubs/${data.slug}/timetable/print?week=${data.nextWeek}`}>
              {t("panel.printNextWeek")}
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/hubs/${data.slug}/timetable/month?month=${data.thisMonth}`}>
              {t("panel.month")}
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/localities/${data.locality.slug}/timetable/print?week=${data.thisWeek}`}>
              {t("panel.printLocality", { name: data.locality.name })}
            </Link>
          </li>
        </ul>
      </section>
    </SharePage>
  );
}
