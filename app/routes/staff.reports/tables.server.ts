// Every table of the report as text, worked out once on the server: the page shows these cells and
// the CSV download writes the same cells, so a download always matches the table it came from.
// Disclosure control (domain/disclosure.ts) is applied here, before any cell becomes text.
import type { TFunction } from "i18next";
import { AGE_BANDS } from "~/domain/age-bands";
import { discloseCount } from "~/domain/disclosure";
import { cellText, countCell, DECILES, FIGURE_COLUMNS, figureCells, type Figures, shareCell } from "~/domain/report";
import { CONNECTION_STATUSES } from "../../../db/schema";
import type { Group, Report } from "~/models/report.server";
import { formatNumber, formatShortDate } from "~/utils/format";

export const TABLE_IDS = [
  "hubs",
  "localities",
  "types",
  "ages",
  "deciles",
  "weekly",
  "districts",
  "misses-by-age",
  "signposts",
  "connections",
] as const;
export type TableId = (typeof TABLE_IDS)[number];

export type ReportRow = { key: string; header: string; href?: string; cells: string[] };
export type ReportTable = { id: TableId; caption: string; head: string[]; rows: ReportRow[]; note?: string };

type Links = { hubSlugs: Map<string, string>; localitySlugs: Map<string, string>; withQuery: (change: Record<string, string>) => string };

export function reportTables(report: Report, t: TFunction, lng: string, links: Links) {
  const words = { fewerThanFive: t("reports:cell.fewerThanFive"), none: t("reports:cell.none"), withheld: t("reports:cell.withheld") };
  const percent = (n: number) => `${formatNumber(n * 100, lng, 1)}%`;
  const count = (n: number) => cellText(countCell(n), words, percent);
  const share = (part: number, whole: number) => cellText(shareCell(part, whole), words, percent);
  const figureRow = (f: Figures) => {
    const cells = figureCells(f);
    return FIGURE_COLUMNS.map((c) => cellText(cells[c], words, percent));
  };
  const figureHead = (first: string) => [first, ...FIGURE_COLUMNS.map((c) => t(`reports:columns.${c}`))];
  const totalRow = (total: Figures): ReportRow => ({ key: "total", header: t("reports:tables.total"), cells: figureRow(total) });
  const groupRows = (groups: Group[], name: (g: Group) => string, href: (g: Group) => string | undefined) =>
    groups.map((g) => ({ key: g.key, header: name(g), href: href(g), cells: figureRow(g.figures) }));

  const tables: ReportTable[] = [];
  if (report.bookings) {
    tables.push(
      {
        id: "hubs",
        caption: t("reports:tables.hubs"),
        head: figureHead(t("reports:tables.hub")),
        rows: [
          ...groupRows(
            report.byHub,
            (g) => g.name,
            (g) => {
              const slug = links.hubSlugs.get(g.key);
              return slug ? links.withQuery({ hub: slug }) : undefined;
            },
          ),
          totalRow(report.total),
        ],
      },
      {
        id: "localities",
        caption: t("reports:tables.localities"),
        head: figureHead(t("reports:tables.locality")),
        rows: [
          ...groupRows(
            report.byLocality,
            (g) => g.name,
            (g) => {
              const slug = links.localitySlugs.get(g.key);
              return slug ? links.withQuery({ locality: slug }) : undefined;
            },
          ),
          totalRow(report.total),
        ],
      },
      {
        id: "types",
        caption: t("reports:tables.types"),
        head: figureHead(t("reports:tables.type")),
        rows: [
          ...groupRows(
            report.byType,
            (g) => t(`common:types.${g.key}`),
            (g) => links.withQuery({ type: g.key }),
          ),
          totalRow(report.total),
        ],
      },
      {
        id: "ages",
        caption: t("reports:tables.ages"),
        head: figureHead(t("reports:tables.age")),
        rows: groupRows(
          report.byAgeBand,
          (g) => t(`common:ageBands.${g.key}`),
          (g) => links.withQuery({ age: g.key }),
        ),
        note: t("reports:tables.agesNote"),
      },
    );
    const placedBookings = report.deciles.bookings.reduce((s, n) => s + n, 0);
    const placedAttended = report.deciles.attended.reduce((s, n) => s + n, 0);
    tables.push({
      id: "deciles",
      caption: t("reports:tables.deciles"),
      head: [
        t("reports:deciles.decile"),
        t("reports:deciles.bookings"),
        t("reports:deciles.bookingsShare"),
        t("reports:deciles.attended"),
        t("reports:deciles.attendedShare"),
      ],
      rows: DECILES.map((d, i) => ({
        key: String(d),
        header: d === 1 ? t("reports:deciles.most") : d === 10 ? t("reports:deciles.least") : String(d),
        cells: [
          count(report.deciles.bookings[i]),
          share(report.deciles.bookings[i], placedBookings),
          count(report.deciles.attended[i]),
          share(report.deciles.attended[i], placedAttended),
        ],
      })),
      note: t("reports:deciles.note"),
    });
    tables.push({
      id: "weekly",
      caption: t("reports:tables.weekly"),
      head: [t("reports:weekly.week"), t("reports:weekly.bookings"), t("reports:weekly.attended"), t("reports:weekly.deprived20")],
      rows: report.weekly.map((w) => ({
        key: w.week,
        header: t("reports:weekly.weekOf", { date: formatShortDate(w.week, lng) }),
        cells: [count(w.bookings), count(w.attended), share(w.decile1to2, w.withDecile)],
      })),
    });
  }
  if (report.misses) {
    tables.push(
      {
        id: "districts",
        caption: t("reports:tables.districts"),
        head: [t("reports:misses.district"), t("reports:misses.searches")],
        rows: report.misses.byDistrict.map((m) => ({
          key: m.key ?? "-",
          header: m.key ?? t("reports:misses.byLocality"),
          cells: [count(m.count)],
        })),
      },
      {
        id: "misses-by-age",
        caption: t("reports:tables.missesByAge"),
        head: [t("reports:tables.age"), t("reports:misses.searches")],
        rows: [...report.misses.byAgeBand]
          .sort((a, b) => AGE_BANDS.indexOf(a.key as never) - AGE_BANDS.indexOf(b.key as never))
          .map((m) => ({
            key: m.key ?? "-",
            header: m.key ? t(`common:ageBands.${m.key}`) : t("reports:misses.anyAge"),
            cells: [count(m.count)],
          })),
      },
    );
  }
  tables.push(
    {
      id: "signposts",
      caption: report.bookings ? t("reports:tables.signposts") : t("reports:tables.ownSignposts"),
      head: [t("reports:tables.type"), t("reports:signposts.count")],
      rows: report.signposts.map((s) => ({
        key: s.typeSlug ?? "-",
        header: s.typeSlug ? t(`common:types.${s.typeSlug}`) : t("reports:signposts.hub"),
        cells: [count(s.count)],
      })),
    },
    {
      id: "connections",
      caption: report.bookings ? t("reports:tables.connections") : t("reports:tables.ownConnections"),
      head: [t("reports:tables.hub"), ...CONNECTION_STATUSES.map((s) => t(`reports:connections.${s}`))],
      rows: report.connections.map((c) => ({
        key: String(c.venueId),
        header: c.venueName,
        cells: CONNECTION_STATUSES.map((s) => count(c.counts[s] ?? 0)),
      })),
    },
  );
  return tables;
}

/** The headline figures over everything the report covers. */
export function headline(report: Report, t: TFunction, lng: string) {
  if (!report.bookings) return [];
  const words = { fewerThanFive: t("reports:cell.fewerThanFive"), none: t("reports:cell.none"), withheld: t("reports:cell.withheld") };
  const percent = (n: number) => `${formatNumber(n * 100, lng, 1)}%`;
  const cells = figureCells(report.total);
  const f = report.total;
  const items: { key: string; label: string; value: string }[] = [
    { key: "deprived20", label: t("reports:headline.deprived20"), value: cellText(cells.deprived20, words, percent) },
    { key: "deprived10", label: t("reports:headline.deprived10"), value: cellText(cells.deprived10, words, percent) },
    { key: "attendedDeprived20", label: t("reports:headline.attendedDeprived20"), value: cellText(cells.attendedDeprived20, words, percent) },
    { key: "bookings", label: t("reports:columns.bookings"), value: cellText(cells.bookings, words, percent) },
    { key: "attended", label: t("reports:columns.attended"), value: cellText(cells.attended, words, percent) },
    { key: "fillRate", label: t("reports:columns.fillRate"), value: cellText(cells.fillRate, words, percent) },
    { key: "noShowRate", label: t("reports:columns.noShowRate"), value: cellText(cells.noShowRate, words, percent) },
    { key: "newFamilies", label: t("reports:columns.newFamilies"), value: cellText(cells.newFamilies, words, percent) },
    {
      key: "placed",
      label: t("reports:headline.placed"),
      value: cellText(shareCell(f.withDecile, f.bookings), words, percent),
    },
  ];
  return items;
}

/** Chart data: what a count may show (null for 1 to 4, so a bar never gives a small number away). */
export function chartValue(n: number): number | null {
  const d = discloseCount(n);
  return d.suppressed ? null : d.value;
}
