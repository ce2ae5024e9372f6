// One report table as CSV (RFC 4180, formula-like cells neutralised by toCsv): the very cells the
// page shows, with "fewer than 5" where the page says it, so a download never says more than the page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { toCsv } from "~/utils/csv";
import { translator } from "~/utils/i18n.server";
import { reportRequest } from "./staff.reports/report-request.server";
import { TABLE_IDS } from "./staff.reports/tables.server";

const TableSchema = z.object({ table: z.enum(TABLE_IDS) });

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, locale } = await translator(request, ["reports"]);
  const data = await reportRequest(request, t, locale);
  const which = TableSchema.safeParse({ table: new URL(request.url).searchParams.get("table") });
  const plain = (status: number, text: string) =>
    new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  if (!which.success) return plain(400, t("reports:errors.table"));
  if (!data.parsed.ok)
    return plain(
      400,
      Object.values(data.parsed.errors)
        .map((key) => t(`reports:${key}`))
        .join("\n"),
    );
  const table = data.tables.find((tb) => tb.id === which.data.table);
  if (!table) return plain(404, t("reports:errors.table"));
  const rows = [table.head, ...table.rows.map((r) => [r.header, ...r.cells])];
  const range = data.parsed.filters.range;
  const filename = `report-${table.id}-${range.from}-${range.to}.csv`;
  // A byte order mark, so Excel reads names with accents and other scripts correctly.
  return new Response(`\uFEFF${toCsv(rows)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "-")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
