// The register's totals: booked, attended, no-shows, not yet marked, and walk-ins.
import { useTranslation } from "react-i18next";
import { SummaryRow } from "~/components/govuk/summary-list";
import type { RegisterData } from "./columns";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "3 families, 4 places": the heading of both registers' tables, and the first total. */
export function bookedCounts(t: Translate, totals: RegisterData["totals"]) {
  return { families: t("totals.families", { count: totals.families }), places: t("places", { count: totals.bookedPlaces }) };
}

export function Totals({ totals }: { totals: RegisterData["totals"] }) {
  const { t } = useTranslation("register");
  const withParty = (families: number, children: number, adults: number) =>
    t("totals.withParty", {
      families: t("totals.families", { count: families }),
      children: t("party.children", { count: children }),
      adults: t("party.adults", { count: adults }),
    });
  const rows: [string, string][] = [
    [t("totals.booked"), t("totals.bookedValue", bookedCounts(t, totals))],
    [t("totals.attended"), withParty(totals.attended, totals.attendedChildren, totals.attendedAdults)],
    [t("totals.noShow"), t("totals.families", { count: totals.noShow })],
    [t("totals.unmarked"), t("totals.families", { count: totals.unmarked })],
    [t("totals.walkIns"), withParty(totals.walkIns, totals.walkInChildren, totals.walkInAdults)],
  ];
  return (
    <>
      <h2 className="govuk-heading-m">{t("totals.heading")}</h2>
      <dl className="govuk-summary-list">
        {rows.map(([key, value]) => (
          <SummaryRow label={key} key={key}>
            {value}
          </SummaryRow>
        ))}
      </dl>
    </>
  );
}
