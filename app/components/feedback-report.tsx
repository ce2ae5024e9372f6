// The feedback report as tables: response rate, satisfaction by hub, type and age band, top themes,
// sessions asked for, time to a published answer. Counts of 1 to 4 arrive already suppressed
// (models/feedback-report.server.ts) and read "fewer than 5"; shares built on them read "–".
import { useTranslation } from "react-i18next";
import { Table } from "~/components/govuk/table";
import type { DisclosedCount } from "~/domain/disclosure";
import { CONTENT_LANGUAGE } from "~/i18n";
import type { FeedbackReport as Report, SatisfactionRow } from "~/models/feedback-report.server";
import { formatNumber } from "~/utils/format";

function useFormatters() {
  const { t, i18n } = useTranslation("feedback-staff");
  const lng = i18n.language;
  const countText = (c: DisclosedCount) => (c.suppressed ? t("feedback-staff:report.fewer") : formatNumber(c.value, lng));
  const share = (s: number | null) => (s === null ? t("feedback-staff:report.notShown") : `${formatNumber(Math.round(s * 100), lng)}%`);
  const average = (a: number | null) => (a === null ? t("feedback-staff:report.notShown") : formatNumber(a, lng, 1));
  return { t, countText, share, average };
}

function SatisfactionTable({
  caption,
  heading,
  rows,
  label,
}: {
  caption: string;
  heading: string;
  rows: SatisfactionRow[];
  label: (key: string) => string;
}) {
  const { t, countText, share, average } = useFormatters();
  if (rows.length === 0) return null;
  return (
    <Table
      caption={caption}
      captionSize="s"
      firstCellIsHeader
      head={[
        { content: heading },
        { content: t("feedback-staff:report.responses"), numeric: true },
        { content: t("feedback-staff:report.satisfied"), numeric: true },
        { content: t("feedback-staff:report.average"), numeric: true },
      ]}
      rows={rows.map((r) => ({
        key: r.key,
        cells: [
          { content: label(r.key) },
          { content: countText(r.responses), numeric: true },
          { content: share(r.satisfied), numeric: true },
          { content: average(r.average), numeric: true },
        ],
      }))}
    />
  );
}

export function FeedbackReport({ report, periodLabel }: { report: Report; periodLabel: string }) {
  const { t, countText, share } = useFormatters();
  return (
    <section aria-labelledby="feedback-report-heading">
      <h2 className="govuk-heading-m" id="feedback-report-heading">
        {t("feedback-staff:report.heading")}
      </h2>
      <p className="govuk-body">{t("feedback-staff:report.period", { period: periodLabel })}</p>
      <p className="govuk-body-s">{t("feedback-staff:report.disclosure")}</p>
      <dl className="govuk-summary-list">
        {[
          [t("feedback-staff:report.responsesTotal"), countText(report.responses)],
          [t("feedback-staff:report.asked"), countText(report.asked)],
          [t("feedback-staff:report.responseRate"), share(report.responseRate)],
          [t("feedback-staff:report.answered"), countText(report.answered)],
          [
            t("feedback-staff:report.daysToAnswer"),
            report.medianDaysToAnswer === null
              ? t("feedback-staff:report.notShown")
              : t("feedback-staff:report.days", { count: report.medianDaysToAnswer }),
          ],
        ].map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <SatisfactionTable
        caption={t("feedback-staff:report.byHub")}
        heading={t("feedback-staff:report.hub")}
        rows={report.byHub}
        label={(k) => k}
      />
      <SatisfactionTable
        caption={t("feedback-staff:report.byType")}
        heading={t("feedback-staff:report.type")}
        rows={report.byType}
        label={(k) => (k === "none" ? t("feedback-staff:report.noType") : t(`common:types.${k}`))}
      />
      <SatisfactionTable
        caption={t("feedback-staff:report.byAgeBand")}
        heading={t("feedback-staff:report.ageBand")}
        rows={report.byAgeBand}
        label={(k) => (k === "none" ? t("feedback-staff:report.noAgeBand") : t(`common:ageBands.${k}`))}
      />
      {report.themes.length > 0 && (
        <Table
          caption={t("feedback-staff:report.themes")}
          captionSize="s"
          firstCellIsHeader
          head={[{ content: t("feedback-staff:report.theme") }, { content: t("feedback-staff:report.tagged"), numeric: true }]}
          rows={report.themes.map((r) => ({
            key: r.label,
            cells: [{ content: <span lang={CONTENT_LANGUAGE}>{r.label}</span> }, { content: countText(r.count), numeric: true }],
          }))}
        />
      )}
      {report.askedFor.length > 0 && (
        <Table
          caption={t("feedback-staff:report.askedFor")}
          captionSize="s"
          firstCellIsHeader
          head={[{ content: t("feedback-staff:report.type") }, { content: t("feedback-staff:report.families"), numeric: true }]}
          rows={report.askedFor.map((r) => ({
            key: r.wishType,
            cells: [
              { content: r.wishType === "other" ? t("feedback-staff:wish.other") : t(`common:types.${r.wishType}`) },
              { content: countText(r.count), numeric: true },
            ],
          }))}
        />
      )}
    </section>
  );
}
