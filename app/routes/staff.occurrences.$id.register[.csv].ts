// The register as a CSV file for the hub's own records. Every cell goes through toCsv, so text a
// family typed (a name such as "=HYPERLINK(…)") can never run as a formula in a spreadsheet.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRegisterOccurrence, requireStaff } from "~/auth/guards.server";
import { formatUkPhone } from "~/domain/phone";
import { auditExport, describeAges, registerFor } from "~/models/register.server";
import { type CsvValue, toCsv } from "~/utils/csv";
import { getDb } from "~/utils/db.server";
import { translator } from "~/utils/i18n.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "register");
  const found = requireRegisterOccurrence(user, params);
  const db = getDb();
  const register = registerFor(db, found.occurrence.id);
  if (!register) throw new Response("Not found", { status: 404 });
  const { t } = await translator(request, "register");

  const attendance = (status: "attended" | "no-show" | null) =>
    status === "attended" ? t("register:status.attended") : status === "no-show" ? t("register:status.no-show") : "";

  const rows: CsvValue[][] = [
    [
      t("register:csv.type"),
      t("register:csv.reference"),
      t("register:csv.name"),
      t("register:csv.children"),
      t("register:csv.childAges"),
      t("register:csv.adults"),
      t("register:csv.accessNeeds"),
      t("register:csv.phone"),
      t("register:csv.email"),
      t("register:csv.attendance"),
    ],
    ...register.entries.map((e) => [
      e.course ? t("register:csv.course") : t("register:csv.booking"),
      e.reference,
      e.name,
      e.children,
      describeAges(e.childAges, t),
      e.adults,
      e.accessNeeds,
      e.phone && formatUkPhone(e.phone),
      e.email,
      attendance(e.attendance),
    ]),
    // Walk-ins were there by definition; the postcode district stays out of a file that travels.
    ...register.walkIns.map((w) => [
      t("register:csv.walkIn"),
      "",
      w.name,
      w.children,
      describeAges(w.childAges, t),
      w.adults,
      "",
      "",
      "",
      t("register:status.attended"),
    ]),
  ];

  // The file holds families' contact details: who took a copy is on the audit log.
  auditExport(db, user, register);

  const filename = `register-${register.venue.slug}-${register.occurrence.date}.csv`;
  // A byte order mark, so Excel reads the UTF-8 names (Zoë, Łukasz, عائشة) correctly.
  return new Response(`\uFEFF${toCsv(rows)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "-")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
