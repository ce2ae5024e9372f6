// Share a search with a family: /share?search=/search?postcode=…&age=… . Only a real search is
// accepted (the /search path, known parameter names, valid values), so this page can never be
// used to put someone else's link, or anything else, into a QR code or a message from us.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/govuk/back-link";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { SharePage } from "~/components/share-panel";
import { formatParsedPostcode } from "~/domain/postcode";
import { locatePostcode } from "~/models/geography.server";
import { getLocality } from "~/models/locality.server";
import { familyLanguage, shareData, shareLanguages } from "~/models/share.server";
import { getDb } from "~/utils/db.server";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { parseSearchParams, SEARCH_KEYS, SearchLinkSchema, type SearchParams } from "~/utils/search-params.server";
import { translatorFor } from "~/utils/translate.server";

export const handle = { i18n: ["share"] };
export const meta = titleMeta;

/** The search's words in one language: "Stay and play, near B23 6SY, for 0 to 12 months". */
function describeSearch(params: SearchParams, place: string | null, tr: TFunction): string {
  const parts = [params.type ? String(tr(`common:types.${params.type}`)) : String(tr("share:search.all"))];
  if (place) parts.push(String(tr("share:search.near", { place })));
  if (params.age) parts.push(String(tr("share:search.age", { age: tr(`common:ageBands.${params.age}`) })));
  if (params.day) parts.push(String(tr("share:search.day", { day: tr(`common:days.${params.day}`) })));
  if (params.free) parts.push(String(tr("share:search.free")));
  if (params.send) parts.push(String(tr("share:search.send")));
  return parts.join(String(tr("share:search.separator")));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title, locale } = await translator(request, "share");
  const db = getDb();
  const url = new URL(request.url);
  const refuse = (key: string) =>
    json(
      {
        title: title(t("share:search.title"), true),
        problem: t(`share:${key}`),
        error: null as string | null,
        summary: "",
        searchPath: "/search",
        pageLang: locale,
        familyLang: locale,
        languages: shareLanguages(),
        share: null,
      },
      { status: 400 },
    );

  const link = SearchLinkSchema.safeParse(url.searchParams.get("search") ?? undefined);
  if (!link.success) return refuse(link.error.issues[0].message);
  const { params, raw } = parseSearchParams(link.data);
  if (!params) return refuse("errors.searchInvalid");
  const locality = params.locality ? getLocality(db, params.locality) : undefined;
  if (params.locality && !locality) return refuse("errors.searchInvalid");
  if (params.postcode && !locatePostcode(db, params.postcode)) return refuse("errors.searchInvalid");

  // The search as a clean query: known names only, in a fixed order, blanks left out.
  const query = new URLSearchParams();
  for (const key of SEARCH_KEYS) if (raw[key]?.trim()) query.set(key, raw[key].trim());
  const place = params.postcode ? formatParsedPostcode(params.postcode) : (locality?.locality.name ?? null);
  const family = familyLanguage(url.searchParams, locale);
  const base = {
    title: title(t("share:search.title"), Boolean(family.error)),
    problem: null as string | null,
    summary: describeSearch(params, place, t),
    searchPath: `/search?${query}`,
    pageLang: locale,
    familyLang: family.lang,
    languages: shareLanguages(),
  };
  if (family.error) return json({ ...base, error: t(`share:${family.error}`), share: null }, { status: 400 });
  const tr = translatorFor(family.lang);
  const share = await shareData({
    kind: "search",
    path: "/search",
    query,
    familyLang: family.lang,
    title: describeSearch(params, place, tr),
    values: {},
  });
  return json({ ...base, error: null as string | null, share });
}

export default function ShareSearch() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("share");
  if (data.problem) {
    return (
      <>
        <ErrorSummary errors={[{ href: "#share-problem", text: data.problem }]} />
        <h1 className="govuk-heading-l">{t("search.heading")}</h1>
        <p className="govuk-body" id="share-problem">
          {data.problem}
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/search">
            {t("search.start")}
          </Link>
        </p>
      </>
    );
  }
  return (
    <SharePage
      top={<BackLink to={data.searchPath}>{t("search.back")}</BackLink>}
      heading={t("search.heading")}
      lead={<p className="govuk-body-l">{data.summary}</p>}
      action="/share"
      hidden={{ search: data.searchPath }}
      state={data}
      qrLabel={t("search.qrLabel")}
      linkLabel={t("search.linkLabel")}
    />
  );
}
