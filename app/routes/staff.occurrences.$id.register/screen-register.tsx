// The register on screen: marking each family, walk-ins, the waiting list and the totals.
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/govuk/back-link";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { SuccessBanner } from "~/components/govuk/success-banner";
import { Table } from "~/components/govuk/table";
import { WarningText } from "~/components/govuk/warning-text";
import { formatDate, formatTimeRange } from "~/utils/format";
import { bookedColumns, type RegisterData, registerTable } from "./columns";
import { ERROR_ORDER, errorHref } from "./form-fields";
import type { ActionData, action } from "./route";
import { bookedCounts, Totals } from "./totals";
import { WalkIns } from "./walk-ins";

export function ScreenRegister({ data }: { data: RegisterData }) {
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { t, i18n } = useTranslation("register");
  const lng = i18n.language;
  const { occurrence, series, venue, entries, waiting, totals, done } = data;
  const errors = result?.errors ?? {};
  const errorList = ERROR_ORDER.filter((f) => errors[f]).map((f) => ({ href: errorHref(f), text: errors[f] }));
  const base = `/staff/occurrences/${occurrence.id}/register`;
  // Nothing to mark on a cancelled date, nor before the day itself.
  const readOnly = occurrence.cancelled || occurrence.notYet;
  const booked = registerTable(bookedColumns(t, { readOnly }), "screen", entries, (e) => ({ key: e.bookingId, id: `booking-${e.bookingId}` }));

  return (
    <>
      <BackLink to="/staff">{t("back")}</BackLink>
      <ErrorSummary errors={errorList} />
      {done && !result && <DoneBanner done={done} />}

      <span className="govuk-caption-l">{venue.name}</span>
      <h1 className="govuk-heading-l">{t("heading", { title: series.title })}</h1>
      <p className="govuk-body-l">
        {formatDate(occurrence.date, lng)}, {formatTimeRange(occurrence.startTime, occurrence.endTime, lng)}
      </p>
      {occurrence.cancelled && (
        <WarningText label={t("warning")}>
          {occurrence.cancelReason ? t("cancelledBecause", { reason: occurrence.cancelReason }) : t("cancelled")} {t("readOnly")}
        </WarningText>
      )}
      {!occurrence.cancelled && occurrence.notYet && (
        <div className="govuk-inset-text">{t("notYet", { date: formatDate(occurrence.date, lng) })}</div>
      )}

      <ul className="govuk-list app-register__links">
        <li>
          <Link className="govuk-link" to={`${base}?print=1`}>
            {t("links.print")}
          </Link>
        </li>
        <li>
          <a className="govuk-link" href={`${base}.csv`} download>
            {t("links.csv")}
          </a>
        </li>
      </ul>

      <Totals totals={totals} />

      <div className={`govuk-form-group${errors.register ? " govuk-form-group--error" : ""}`} id="register" tabIndex={-1}>
        {errors.register && (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">{t("common:errors.prefix")}</span> {errors.register}
          </p>
        )}
        {entries.length === 0 ? (
          <>
            <h2 className="govuk-heading-m">{t("booked.heading")}</h2>
            <p className="govuk-body">{series.bookingMode === "drop-in" ? t("booked.dropIn") : t("booked.none")}</p>
          </>
        ) : (
          <div className="app-register__scroll" role="region" aria-labelledby="register-caption" tabIndex={0}>
            <Table
              className="app-register__table"
              caption={t("booked.caption", bookedCounts(t, totals))}
              captionSize="m"
              captionId="register-caption"
              head={booked.head}
              rows={booked.rows}
            />
          </div>
        )}
      </div>

      <WalkIns data={data} errors={errors} values={result?.intent === "walk-in" ? result.values : {}} />

      <h2 className="govuk-heading-m">{t("waiting.heading", { count: waiting.length })}</h2>
      {waiting.length === 0 ? (
        <p className="govuk-body">{t("waiting.none")}</p>
      ) : (
        <ol className="govuk-list govuk-list--number">
          {waiting.map((w) => (
            <li key={w.bookingId}>
              {w.name} ({t("places", { count: w.places })})
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function DoneBanner({ done }: { done: NonNullable<RegisterData["done"]> }) {
  const { t } = useTranslation("register");
  const message =
    done.kind === "walk-in"
      ? t("done.walk-in")
      : done.name
        ? done.kind === "attended"
          ? t("done.attended", { name: done.name })
          : done.kind === "no-show"
            ? t("done.no-show", { name: done.name })
            : t("done.clear", { name: done.name })
        : t("done.saved");
  return <SuccessBanner title={t("done.title")} heading={message} />;
}
