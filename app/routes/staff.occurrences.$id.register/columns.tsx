// The register's columns, written once for both registers: the screen one (with contact links,
// status and the mark buttons) and the paper one (with a tick box, and blank rows for walk-ins).
// A column says what it shows on each; `only` keeps it to one of them, `paper` is how it looks there.
import type { SerializeFrom } from "@remix-run/node";
import type { Key, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TableHead, TableRow } from "~/components/govuk/table";
import { Tag } from "~/components/govuk/tag";
import { MarkForm } from "./mark-form";
import type { loader } from "./route";

export type RegisterData = SerializeFrom<typeof loader>;
type Entry = RegisterData["entries"][number];
type WalkIn = RegisterData["walkIns"][number];
type Translate = (key: string, options?: Record<string, unknown>) => string;

export type View = "screen" | "paper";

type Look = {
  /** For the cells; `headerClassName` for the heading. */
  className?: string;
  headerClassName?: string;
  /** The cell that names the row: <th scope="row">. */
  rowHeader?: boolean;
};

type Column<Row> = Look & {
  header: string;
  cell: (row: Row, view: View) => ReactNode;
  only?: View;
  paper?: Look;
  /** What a blank paper row has in this column (walk-ins are written in by hand). */
  blank?: ReactNode;
};

/** The columns one register shows, as a GOV.UK table's head and rows, and its blank rows. */
export function registerTable<Row>(columns: Column<Row>[], view: View, rows: Row[], rowOf: (row: Row) => { key: Key; id?: string }) {
  const shown = columns.filter((c) => !c.only || c.only === view).map((c) => ({ ...c, ...(view === "paper" ? c.paper : undefined) }));
  const head: TableHead[] = shown.map((c) => ({ content: c.header, className: c.headerClassName }));
  const body: TableRow[] = rows.map((row) => ({
    ...rowOf(row),
    cells: shown.map((c) => ({ content: c.cell(row, view), header: c.rowHeader, className: c.className })),
  }));
  const blankRow = (key: Key): TableRow => ({
    key,
    className: "app-register-print__blank",
    cells: shown.map((c) => ({ content: c.blank, className: c.className })),
  });
  return { head, rows: body, blankRow };
}

const TICK = "app-register-print__tick";
const tickBox = <span className="app-register-print__box" aria-hidden="true" />;

/** The families booked for the date. The mark buttons only while the register can be changed. */
export function bookedColumns(t: Translate, { readOnly }: { readOnly: boolean }): Column<Entry>[] {
  return [
    { header: t("print.here"), only: "paper", className: TICK, headerClassName: TICK, cell: () => tickBox },
    {
      header: t("columns.name"),
      rowHeader: true,
      cell: (e, view) => (
        <>
          {e.name}
          <span className={view === "screen" ? "govuk-body-s app-register__meta" : "app-register__meta"}>
            {e.reference}
            {e.course && <> · {t("booked.course")}</>}
            {view === "screen" && e.source === "staff" && <> · {t("booked.byStaff")}</>}
          </span>
        </>
      ),
    },
    { header: t("columns.party"), cell: (e) => <Party people={e} /> },
    { header: t("columns.ages"), cell: (e) => e.ages || t("none") },
    // On paper an empty cell leaves room to write in what the family says on the day.
    {
      header: t("columns.accessNeeds"),
      className: "app-register__wrap",
      cell: (e, view) => (view === "screen" ? e.accessNeeds || t("none") : e.accessNeeds),
    },
    {
      header: t("columns.contact"),
      only: "screen",
      className: "app-register__wrap",
      cell: (e) => (
        <>
          {e.phone && (
            <a className="govuk-link" href={`tel:${e.phone}`}>
              {e.phoneText}
            </a>
          )}
          {e.phone && e.email && <br />}
          {e.email && (
            <a className="govuk-link" href={`mailto:${e.email}`}>
              {e.email}
            </a>
          )}
        </>
      ),
    },
    { header: t("columns.phone"), only: "paper", cell: (e) => e.phoneText },
    { header: t("columns.status"), only: "screen", cell: (e) => <StatusTag status={e.attendance} /> },
    ...(readOnly
      ? []
      : [
          {
            header: t("columns.mark"),
            only: "screen" as const,
            cell: (e: Entry) => <MarkForm bookingId={e.bookingId} name={e.name} current={e.attendance} />,
          },
        ]),
  ];
}

/** Those who came without booking. Paper counts children and adults apart, to be filled in by hand. */
export function walkInColumns(t: Translate): Column<WalkIn>[] {
  return [
    { header: t("columns.name"), rowHeader: true, paper: { rowHeader: false }, cell: (w) => w.name || t("walkIns.noName") },
    { header: t("columns.party"), only: "screen", cell: (w) => <Party people={w} /> },
    { header: t("columns.children"), only: "paper", cell: (w) => w.children },
    { header: t("columns.ages"), cell: (w, view) => (view === "screen" ? w.ages || t("none") : w.ages) },
    { header: t("columns.adults"), only: "paper", cell: (w) => w.adults },
    { header: t("columns.outcode"), cell: (w, view) => (view === "screen" ? (w.outcode ?? t("none")) : w.outcode) },
    {
      header: t("columns.firstVisit"),
      paper: { className: TICK, headerClassName: TICK },
      cell: (w) => (w.firstVisit ? t("yes") : t("no")),
      blank: tickBox,
    },
  ];
}

/** "2 children, 1 adult". */
function Party({ people }: { people: { children: number; adults: number } }) {
  const { t } = useTranslation("register");
  return (
    <>
      {t("party.children", { count: people.children })}, {t("party.adults", { count: people.adults })}
    </>
  );
}

function StatusTag({ status }: { status: Entry["attendance"] }) {
  const { t } = useTranslation("register");
  if (status === "attended") return <Tag colour="green">{t("status.attended")}</Tag>;
  if (status === "no-show") return <Tag colour="red">{t("status.no-show")}</Tag>;
  return <Tag colour="grey">{t("status.unmarked")}</Tag>;
}
