import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { SummaryRow } from "~/components/govuk/summary-list";
import { Ltr } from "~/components/ltr";
import { formatUkMobile } from "~/domain/phone";
import { CONTENT_ATTRIBUTES } from "~/i18n";
import { londonNow, mayCancel } from "~/models/booking.server";
import { bookingDetails, bookingFromLink } from "~/models/booking-link.server";
import { manageFeedbackLink } from "~/models/feedback.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDate, formatTimeRange } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { Tag } from "~/components/govuk/tag";

export const handle = { i18n: ["booking", "feedback"], scripts: "none" }; // no client behaviour (utils/light-pages)
export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = bookingFromLink(getDb(), params.reference, new URL(request.url).searchParams.get("token"));
  if (!found) throw new Response("Not found", { status: 404 });
  const { booking, token } = found;
  const details = bookingDetails(getDb(), booking);
  if (!details) throw new Response("Not found", { status: 404 });
  const { t, title } = await translator(request, "booking");
  // ?new=1 after booking, ?cancelled=1 after cancelling: which banner to show.
  const flags = z
    .object({ new: z.literal("1").optional().catch(undefined), cancelled: z.literal("1").optional().catch(undefined) })
    .parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(
    {
      title: title(t("booking:manage.title", { reference: booking.reference })),
      token,
      justBooked: flags.new === "1",
      justCancelled: flags.cancelled === "1",
      booking: {
        reference: booking.reference,
        status: booking.status,
        places: booking.places,
        children: booking.children,
        adults: booking.adults,
        name: booking.name,
        email: booking.email,
        phone: booking.phone ? formatUkMobile(booking.phone) : null,
        accessNeeds: booking.accessNeeds,
      },
      series: { id: details.series.id, title: details.series.title, bookingMode: details.series.bookingMode },
      venue: {
        name: details.venue.name,
        kind: details.venue.kind,
        address: [details.venue.addressLine1, details.venue.town, details.venue.postcode].filter(Boolean).join(", "),
      },
      dates: details.dates.map((d) => ({
        id: d.id,
        date: d.date,
        startTime: d.startTime,
        endTime: d.endTime,
        cancelled: d.status === "cancelled",
      })),
      waitingPosition: details.waitingPosition,
      // Once the date (for a course, its first date) has started the booking is kept as it is.
      mayCancel: mayCancel(getDb(), booking, londonNow(now())),
      // After the session: the booking's one-use feedback link.
      feedbackLink: manageFeedbackLink(getDb(), booking, londonNow(now()), now().toISOString()),
    },
    // The link carries a secret: keep the page out of shared caches and other sites' referrers.
    { headers: { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } },
  );
}

export default function ManageBooking() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("booking");
  const lng = i18n.language;
  const { booking } = data;
  const live = booking.status !== "cancelled";
  const q = `?token=${encodeURIComponent(data.token)}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {data.justBooked && live && (
          <div className={`govuk-panel govuk-panel--confirmation${booking.status === "waiting" ? " app-panel--waiting" : ""}`}>
            <h1 className="govuk-panel__title">
              {booking.status === "confirmed" ? t("confirmation.confirmedTitle") : t("confirmation.waitingTitle")}
            </h1>
            <div className="govuk-panel__body">
              {t("confirmation.reference")}
              <br />
              <strong>
                <Ltr>{booking.reference}</Ltr>
              </strong>
            </div>
          </div>
        )}
        {data.justCancelled && !live && (
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">{t("cancel.doneTitle")}</h1>
            <div className="govuk-panel__body">
              <Ltr>{booking.reference}</Ltr>
            </div>
          </div>
        )}
        {!data.justBooked && !(data.justCancelled && !live) && (
          <>
            <span className="govuk-caption-l">
              <Ltr>{booking.reference}</Ltr>
            </span>
            <h1 className="govuk-heading-l">{t("manage.heading")}</h1>
          </>
        )}

        <p className="govuk-body">
          <Tag colour={live ? (booking.status === "confirmed" ? "green" : "yellow") : "grey"}>{t(`status.${booking.status}`)}</Tag>
          {booking.status === "waiting" && data.waitingPosition !== null && (
            <> {t("manage.waitingPosition", { count: data.waitingPosition })}</>
          )}
        </p>

        {data.justBooked && (
          <>
            <h2 className="govuk-heading-m">{t("confirmation.nextHeading")}</h2>
            <p className="govuk-body">{booking.status === "confirmed" ? t("confirmation.nextConfirmed") : t("confirmation.nextWaiting")}</p>
            <p className="govuk-body">{t("confirmation.keepLink")}</p>
          </>
        )}

        <dl className="govuk-summary-list">
          <SummaryRow label={t("manage.session")}>
            <Link className="govuk-link" to={`/sessions/${data.series.id}`} {...CONTENT_ATTRIBUTES}>
              {data.series.title}
            </Link>
          </SummaryRow>
          <SummaryRow label={t("manage.where")}>
            {data.venue.kind === "online" ? t("common:session.online") : `${data.venue.name}, ${data.venue.address}`}
          </SummaryRow>
          <SummaryRow label={data.dates.length > 1 ? t("manage.dates") : t("manage.date")}>
            <ul className="govuk-list">
              {data.dates.map((d) => (
                <li key={d.id}>
                  {formatDate(d.date, lng)}, {formatTimeRange(d.startTime, d.endTime, lng)}
                  {d.cancelled && (
                    <>
                      {" "}
                      <Tag colour="red">{t("common:session.cancelled")}</Tag>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </SummaryRow>
          <SummaryRow label={t("manage.party")}>
            {t("manage.children", { count: booking.children })}, {t("manage.adults", { count: booking.adults })}
          </SummaryRow>
          <SummaryRow label={t("manage.name")}>{booking.name}</SummaryRow>
          {booking.email && (
            <SummaryRow label={t("form.email")}>
              <Ltr wrap>{booking.email}</Ltr>
            </SummaryRow>
          )}
          {booking.phone && (
            <SummaryRow label={t("form.phone")}>
              <Ltr>{booking.phone}</Ltr>
            </SummaryRow>
          )}
          {booking.accessNeeds && <SummaryRow label={t("form.accessNeeds")}>{booking.accessNeeds}</SummaryRow>}
        </dl>

        {live && (
          <div className="govuk-button-group">
            {booking.status === "confirmed" && (
              <a className="govuk-button govuk-button--secondary" href={`/bookings/${booking.reference}/calendar.ics${q}`} download>
                {t("manage.addToCalendar")}
              </a>
            )}
            {data.mayCancel && (
              <Link className="govuk-button govuk-button--warning" to={`/bookings/${booking.reference}/cancel${q}`}>
                {booking.status === "waiting" ? t("manage.leaveWaitingList") : t("manage.cancel")}
              </Link>
            )}
          </div>
        )}
        {live && !data.mayCancel && (
          <p className="govuk-body" id="no-cancel">
            {data.series.bookingMode === "course" ? t("manage.courseStarted") : t("manage.dateStarted")}
          </p>
        )}
        {data.feedbackLink && (
          <p className="govuk-body">
            <Link className="govuk-link" to={data.feedbackLink}>
              {t("feedback:manage.link")}
            </Link>
          </p>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to="/search">
            {t("manage.findMore")}
          </Link>
        </p>
      </div>
    </div>
  );
}
