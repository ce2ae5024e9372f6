// The report's two charts: reach by decile and the weekly trend. Both are pictures of the tables
// right after them; counts of 1 to 4 families are never drawn (chartValue gives null).
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/charts/bar-chart";
import { LineChart } from "~/components/charts/line-chart";
import { discloseShare, isSuppressed } from "~/domain/disclosure";
import { formatNumber, formatShortDate } from "~/utils/format";

const shown = (n: number) => (isSuppressed(n) ? null : n);

export function DecileChart({ deciles }: { deciles: { bookings: number[]; attended: number[] } }) {
  const { t, i18n } = useTranslation("reports");
  const placed = deciles.bookings.reduce((s, n) => s + n, 0);
  const shares = deciles.bookings.map((n) => discloseShare(n, placed));
  const max = Math.max(0, ...shares.map((s) => s ?? 0));
  return (
    <BarChart
      id="chart-deciles"
      title={t("charts.deciles")}
      max={max}
      bars={shares.map((s, i) => ({
        label: i === 0 ? t("deciles.most") : i === 9 ? t("deciles.least") : String(i + 1),
        value: s,
        text: s === null ? (deciles.bookings[i] === 0 ? "0" : t("cell.fewerThanFive")) : `${formatNumber(s * 100, i18n.language, 1)}%`,
      }))}
    />
  );
}

export function WeeklyChart({ weekly }: { weekly: { week: string; bookings: number; attended: number }[] }) {
  const { t, i18n } = useTranslation("reports");
  if (weekly.length === 0) return null;
  return (
    <LineChart
      id="chart-weekly"
      title={t("charts.weekly")}
      labels={weekly.map((w) => formatShortDate(w.week, i18n.language))}
      series={[
        { label: t("weekly.bookings"), values: weekly.map((w) => shown(w.bookings)) },
        { label: t("weekly.attended"), values: weekly.map((w) => shown(w.attended)) },
      ]}
      formatTick={(n) => formatNumber(n, i18n.language)}
      gapNote={t("charts.gaps")}
    />
  );
}
