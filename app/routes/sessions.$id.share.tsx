// Share a session with a family: link, QR code, text message and email, in the family's language
// (?lang=) while the page stays in the worker's. Works without JavaScript; copying is an extra.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/govuk/breadcrumbs";
import { SharePage } from "~/components/share-panel";
import { londonDate } from "~/domain/dates";
import { formatIsoWeek } from "~/domain/iso-week";
import { CONTENT_ATTRIBUTES, CONTENT_LANGUAGE } from "~/i18n";
import { listOccurrences } from "~/models/occurrence.server";
import { getSeries } from "~/models/series.server";
import { familyLanguage, sessionWhen, shareData, shareLanguages } from "~/models/share.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { IdParamsSchema } from "~/utils/params.server";
import { translatorFor } from "~/utils/translate.server";

export const handle = { i18n: ["share"] };
export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = IdParamsSchema.safeParse(params);
  const db = getDb();
  const found = parsed.success ? getSeries(db, parsed.data.id) : undefined;
  if (!found || found.series.status !== "active") throw new Response("Not found", { status: 404 });
  const { t, title, locale } = await translator(request, "share");
  const { series, venue, locality } = found;
  const family = familyLanguage(new URL(request.url).searchParams, locale);
  const today = londonDate(now());
  const base = {
    id: series.id,
    name: series.title,
    venue: { slug: venue.slug, name: venue.name },
    locality: { slug: locality.slug, name: locality.name },
    pageLang: locale,
    thisWeek: formatIsoWeek(today),
    languages: shareLanguages(),
  };
  const pageTitle = (hasErrors: boolean) => title(t("share:session.title", { name: series.title }), hasErrors);
  if (family.error) {
    return json({ ...base, title: pageTitle(true), familyLang: family.lang, error: t(`share:${family.error}`), share: null }, { status: 400 });
  }
  const tr = translatorFor(family.lang);
  const upcoming = listOccurrences(db, series.id, today);
  const share = await shareData({
    kind: "session",
    path: `/sessions/${series.id}`,
    familyLang: family.lang,
    title: series.title,
    values: {
      venue: venue.kind === "online" ? String(tr("common:session.online")) : venue.name,
      when: sessionWhen(series, upcoming, tr, family.lang),
    },
  });
  return json({ ...base, title: pageTitle(false), familyLang: family.lang, error: null as string | null, share });
}

export default function ShareSession() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("share");
  return (
    <SharePage
      top={
        <Breadcrumbs
          items={[
            { to: `/hubs/${data.venue.slug}`, label: data.venue.name },
            { to: `/sessions/${data.id}`, label: data.name, lang: CONTENT_LANGUAGE },
          ]}
        />
      }
      caption={t("session.caption")}
      heading={<span {...CONTENT_ATTRIBUTES}>{data.name}</span>}
      action={`/sessions/${data.id}/share`}
      state={data}
      qrLabel={t("session.qrLabel", { name: data.name })}
      linkLabel={t("session.linkLabel")}
    >
      <section aria-labelledby="share-print-heading">
        <h2 className="govuk-heading-m" id="share-print-heading">
          {t("panel.printHeading")}
        </h2>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/hubs/${data.venue.slug}/timetable/print?week=${data.thisWeek}`}>
            {t("panel.printHub", { name: data.venue.name })}
          </Link>
        </p>
      </section>
    </SharePage>
  );
}
