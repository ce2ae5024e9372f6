// One report table as the server worked it out (tables.server.ts), with its CSV download: the same
// cells in the same order. Wide tables scroll inside a focusable region rather than the page.
import { useTranslation } from "react-i18next";
import { Table } from "~/components/govuk/table";
import type { ReportTable } from "./tables.server";

export function ReportTableView({ table, csvQuery }: { table: ReportTable; csvQuery: string }) {
  const { t } = useTranslation("reports");
  const captionId = `table-${table.id}`;
  const csv = `/staff/reports.csv?${new URLSearchParams([...new URLSearchParams(csvQuery), ["table", table.id]]).toString()}`;
  return (
    <div className="app-report__table">
      {table.rows.length === 0 ? (
        <>
          <h3 className="govuk-heading-s" id={captionId}>
            {table.caption}
          </h3>
          <p className="govuk-body">{t("tables.empty")}</p>
        </>
      ) : (
        <>
          <div className="app-report__scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
            <Table
              caption={table.caption}
              captionSize="s"
              captionId={captionId}
              head={table.head.map((h, i) => ({ content: h, numeric: i > 0 }))}
              rows={table.rows.map((r) => ({
                key: r.key,
                cells: [
                  {
                    header: true,
                    content: r.href ? (
                      <a className="govuk-link" href={r.href}>
                        {r.header}
                      </a>
                    ) : (
                      r.header
                    ),
                  },
                  ...r.cells.map((c) => ({ content: c, numeric: true })),
                ],
              }))}
            />
          </div>
          {table.note && <p className="govuk-body-s">{table.note}</p>}
          <p className="govuk-body app-report__download">
            <a className="govuk-link" href={csv} download>
              {t("tables.download", { table: table.caption })}
            </a>
          </p>
        </>
      )}
    </div>
  );
}
