import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Ltr } from "~/components/ltr";
import { CONTENT_ATTRIBUTES } from "~/i18n";
import { cancelBooking, londonNow, mayCancel } from "~/models/booking.server";
import { bookingDetails, bookingFromLink } from "~/models/booking-link.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDate, formatTimeRange } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { allow, clientKey } from "~/utils/rate-limit.server";
import { BackLink } from "~/components/govuk/back-link";

export const handle = { i18n: ["booking"] };
export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = bookingFromLink(getDb(), params.reference, new URL(request.url).searchParams.get("token"));
  if (!found) throw new Response("Not found", { status: 404 });
  const { booking, token } = found;
  const { t, title } = await translator(request, "booking");
  const details = bookingDetails(getDb(), booking);
  return json(
    {
      title: title(t("booking:cancel.title")),
      token,
      reference: booking.reference,
      status: booking.status,
      mayCancel: mayCancel(getDb(), booking, londonNow(now())),
      courseBooking: booking.occurrenceId === null,
      sessionTitle: details?.series.title ?? "",
      // The family should see which date they are cancelling (for a course, every date).
      dates: (details?.dates ?? []).map((d) => ({ id: d.id, date: d.date, startTime: d.startTime, endTime: d.endTime })),
    },
    { headers: { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { t, title } = await translator(request, "booking");
  if (!allow("cancel", clientKey(request, context), 20, 10 * 60_000)) {
    return json({ title: title(t("booking:cancel.title"), true), error: t("booking:errors.rateLimited") }, { status: 429 });
  }
  const form = await request.formData();
  const token = form.get("token");
  const found = bookingFromLink(getDb(), params.reference, typeof token === "string" ? token : null);
  if (!found) throw new Response("Not found", { status: 404 });
  const { booking } = found;
  const outcome = cancelBooking(getDb(), booking.reference, String(token), now().toISOString());
  if (outcome.kind === "not-found") throw new Response("Not found", { status: 404 });
  if (outcome.kind === "started") {
    return json(
      { title: title(t("booking:cancel.title"), true), error: t("booking:cancel.tooLate") },
      { status: 409, headers: { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } },
    );
  }
  return redirect(`/bookings/${booking.reference}?token=${encodeURIComponent(String(token))}&cancelled=1`);
}

export default function CancelBooking() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation("booking");
  const back = `/bookings/${data.reference}?token=${encodeURIComponent(data.token)}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={back}>{t("form.back")}</BackLink>
        {result?.error && data.mayCancel && <ErrorSummary errors={[{ href: "#cancel-form", text: result.error }]} />}
        {data.status === "cancelled" ? (
          <>
            <h1 className="govuk-heading-l">{t("cancel.alreadyTitle")}</h1>
            <Link className="govuk-link" to={back}>
              {t("cancel.seeBooking")}
            </Link>
          </>
        ) : !data.mayCancel ? (
          <>
            <h1 className="govuk-heading-l">{t("cancel.tooLateTitle")}</h1>
            <p className="govuk-body">{data.courseBooking ? t("manage.courseStarted") : t("manage.dateStarted")}</p>
            <Link className="govuk-link" to={back}>
              {t("cancel.seeBooking")}
            </Link>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">{data.status === "waiting" ? t("cancel.leaveHeading") : t("cancel.heading")}</h1>
            <p className="govuk-body-l govuk-!-margin-bottom-2" {...CONTENT_ATTRIBUTES}>
              {data.sessionTitle}
            </p>
            <ul className="govuk-list" id="cancel-dates">
              {data.dates.map((d) => (
                <li key={d.id}>
                  {formatDate(d.date, i18n.language)}, <Ltr>{formatTimeRange(d.startTime, d.endTime, i18n.language)}</Ltr>
                </li>
              ))}
            </ul>
            <p className="govuk-body">
              {t("confirmation.reference")} <Ltr>{data.reference}</Ltr>
            </p>
            <p className="govuk-body">{t("cancel.explained")}</p>
            <Form method="post" id="cancel-form">
              <input type="hidden" name="token" value={data.token} />
              <div className="govuk-button-group">
                <button type="submit" className="govuk-button govuk-button--warning">
                  {data.status === "waiting" ? t("cancel.confirmLeave") : t("cancel.confirm")}
                </button>
                <Link className="govuk-link" to={back}>
                  {t("cancel.keep")}
                </Link>
              </div>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
