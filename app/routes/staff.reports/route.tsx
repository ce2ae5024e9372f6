// /staff/reports: reach, take-up and unmet demand for the Best Start partnership. Every filter is in
// the URL (a GET form), so a report can be bookmarked and shared; every table downloads as CSV.
import { type HeadersFunction, json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FeedbackReport } from "~/components/feedback-report";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { SummaryRow } from "~/components/govuk/summary-list";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { DecileChart, WeeklyChart } from "./charts";
import { FIELD_ORDER, FiltersForm } from "./filters-form";
import { reportRequest } from "./report-request.server";
import { ReportTableView } from "./report-table";

export const handle = { i18n: ["reports", "feedback-staff"] };
export const meta = titleMeta;
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title, locale } = await translator(request, ["reports"]);
  const data = await reportRequest(request, t, locale);
  const errors: Record<string, string> = {};
  if (!data.parsed.ok) for (const [field, key] of Object.entries(data.parsed.errors)) errors[field] = t(`reports:${key}`);
  const hasErrors = Object.keys(errors).length > 0;
  const search = new URL(request.url).search;
  return json(
    {
      title: title(t("reports:title"), hasErrors),
      scope: data.user.role === "admin" ? "all" : data.user.role === "outreach" ? "own" : "hubs",
      errors,
      values: data.parsed.ok ? data.parsed.query : data.parsed.raw,
      kind: data.parsed.ok ? data.parsed.kind : (data.parsed.raw.period ?? "quarter"),
      choices: {
        hubs: data.choices.hubs.map((h) => ({ slug: h.slug, name: h.name })),
        localities: data.choices.localities.map((l) => ({ slug: l.slug, name: l.name })),
        localAuthorities: data.choices.localAuthorities.map((la) => ({ slug: la.slug, name: la.name })),
        terms: data.choices.terms.map((term) => ({ id: term.id, name: term.name, startDate: term.startDate, endDate: term.endDate })),
      },
      quickLinks: data.quickLinks,
      periodLabel: data.periodLabel,
      headline: data.headline,
      tables: data.tables,
      weekly: data.report?.weekly ?? [],
      deciles: data.report?.deciles ?? null,
      feedback: data.feedback,
      csvQuery: search.startsWith("?") ? search.slice(1) : search,
    },
    { status: hasErrors ? 400 : 200, headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function Reports() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("reports");
  const errorItems = FIELD_ORDER.filter((f) => data.errors[f]).map((f) => ({ href: `#${f}`, text: data.errors[f] }));
  const table = (id: string) => data.tables.find((tb) => tb.id === id);
  const shown = (id: string) => {
    const tb = table(id);
    return tb ? <ReportTableView table={tb} csvQuery={data.csvQuery} /> : null;
  };
  return (
    <div className="app-report">
      <ErrorSummary errors={errorItems} />
      <h1 className="govuk-heading-l">{t("heading")}</h1>
      <p className="govuk-body">{t(`intro.${data.scope}`)}</p>
      <p className="govuk-body">{t("intro.disclosure")}</p>

      <nav aria-labelledby="quick-periods" className="app-report__quick">
        <h2 className="govuk-heading-s" id="quick-periods">
          {t("quick.heading")}
        </h2>
        <ul className="govuk-list app-report__links">
          {data.quickLinks.map((l) => (
            <li key={l.key}>
              <a className="govuk-link" href={l.href}>
                {t(`quick.${l.key}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <FiltersForm values={data.values} errors={data.errors} kind={data.kind} choices={data.choices} />

      {data.periodLabel && (
        <>
          <h2 className="govuk-heading-m" id="summary">
            {t("summary.heading", { period: data.periodLabel })}
          </h2>
          {data.headline.length > 0 && (
            <dl className="govuk-summary-list app-report__headline">
              {data.headline.map((h) => (
                <SummaryRow key={h.key} label={h.label}>
                  {h.value}
                </SummaryRow>
              ))}
            </dl>
          )}
          {data.deciles && (
            <>
              <h2 className="govuk-heading-m">{t("sections.reach")}</h2>
              <DecileChart deciles={data.deciles} />
              {shown("deciles")}
              <h2 className="govuk-heading-m">{t("sections.trend")}</h2>
              <WeeklyChart weekly={data.weekly} />
              {shown("weekly")}
              <h2 className="govuk-heading-m">{t("sections.takeUp")}</h2>
              <p className="govuk-body">{t("sections.takeUpHint")}</p>
              {shown("hubs")}
              {shown("localities")}
              {shown("types")}
              {shown("ages")}
              <h2 className="govuk-heading-m">{t("sections.misses")}</h2>
              <p className="govuk-body">{t("sections.missesHint")}</p>
              {shown("districts")}
              {shown("misses-by-age")}
            </>
          )}
          <h2 className="govuk-heading-m">{t("sections.outreach")}</h2>
          {shown("signposts")}
          {shown("connections")}
          {data.feedback && <FeedbackReport report={data.feedback} periodLabel={data.periodLabel} />}
        </>
      )}
    </div>
  );
}
