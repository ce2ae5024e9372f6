// The paper register (`?print=1`): large type, no forms, a tick box per family and blank rows to
// write walk-ins in.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FeedbackQr } from "~/components/feedback-qr";
import { Table } from "~/components/govuk/table";
import { formatDate, formatTimeRange } from "~/utils/format";
import { bookedColumns, type RegisterData, registerTable, walkInColumns } from "./columns";
import { bookedCounts } from "./totals";

export function PrintRegister({ data }: { data: RegisterData }) {
  const { t, i18n } = useTranslation("register");
  const lng = i18n.language;
  const { occurrence, series, venue, entries, waiting, walkIns, totals } = data;
  const booked = registerTable(bookedColumns(t, { readOnly: true }), "paper", entries, (e) => ({ key: e.bookingId }));
  const walkedIn = registerTable(walkInColumns(t), "paper", walkIns, (w) => ({ key: w.id }));
  const blankRows = Math.max(6, 10 - walkIns.length);
  return (
    <div className="app-register-print">
      <p className="govuk-body app-register-print__screen-only">
        <Link className="govuk-link" to={`/staff/occurrences/${occurrence.id}/register`}>
          {t("print.back")}
        </Link>{" "}
        · {t("print.howTo")}
      </p>
      <h1 className="govuk-heading-l">{series.title}</h1>
      <p className="govuk-body-l">
        {venue.name}
        <br />
        {formatDate(occurrence.date, lng)}, {formatTimeRange(occurrence.startTime, occurrence.endTime, lng)}
      </p>
      {occurrence.cancelled && (
        <p className="govuk-body-l">
          <strong>{occurrence.cancelReason ? t("cancelledBecause", { reason: occurrence.cancelReason }) : t("cancelled")}</strong>
        </p>
      )}
      <p className="govuk-body">{t("totals.bookedValue", bookedCounts(t, totals))}</p>

      <Table
        className="app-register-print__table"
        caption={t("booked.caption", bookedCounts(t, totals))}
        captionSize="m"
        head={booked.head}
        rows={entries.length === 0 ? [{ key: "none", cells: [{ content: t("booked.none"), colSpan: booked.head.length }] }] : booked.rows}
      />

      <Table
        className="app-register-print__table"
        caption={t("walkIns.heading")}
        captionSize="m"
        head={walkedIn.head}
        rows={[...walkedIn.rows, ...Array.from({ length: blankRows }, (_, i) => walkedIn.blankRow(`blank-${i}`))]}
      />

      {data.feedback && <FeedbackQr qr={data.feedback.qr} url={data.feedback.url} />}

      {waiting.length > 0 && (
        <>
          <h2 className="govuk-heading-m">{t("waiting.heading", { count: waiting.length })}</h2>
          <ol className="govuk-list govuk-list--number">
            {waiting.map((w) => (
              <li key={w.bookingId}>
                {w.name} ({t("places", { count: w.places })})
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
