// Connection requests: "Your requests" (what the person sent, and its status) and, for hub
// managers and hub staff, the inbox of their hubs with how many new requests wait. Administrators
// see every hub's inbox with the status only: the family's details are for the sender and the
// receiving hub (see canSeeConnectionDetails).
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CONNECTION_STATUSES, type ConnectionStatus } from "../../db/schema";
import { requireStaff } from "~/auth/guards.server";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Select } from "~/components/govuk/fields";
import { hubConnectionCounts, inboxScope, LIST_LIMIT, listHubConnections, listSentConnections } from "~/models/connection.server";
import { getDb } from "~/utils/db.server";
import { formatInstant } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { optionalField } from "~/utils/zod-fields";

export const handle = { i18n: ["staff", "connections"] };
export const meta = titleMeta;

const QuerySchema = z.object({
  status: optionalField(z.enum(CONNECTION_STATUSES, { message: "index.errors.status" })),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const { t: tr, title, locale } = await translator(request, ["staff", "connections"]);
  const db = getDb();
  const raw = new URL(request.url).searchParams.get("status");
  const parsed = QuerySchema.safeParse({ status: raw ?? undefined });
  const status = parsed.success ? parsed.data.status : undefined;
  const scope = inboxScope(user);
  const when = (iso: string) => formatInstant(iso, locale);
  const sent = listSentConnections(db, user.id, status).map((r) => ({
    id: r.id,
    familyName: r.redactedAt ? null : r.familyName,
    venueName: r.venueName,
    status: r.status,
    sent: when(r.createdAt),
    updated: r.updatedAt !== r.createdAt ? when(r.updatedAt) : null,
  }));
  const inbox = listHubConnections(db, user, status).map((r) => ({
    id: r.id,
    venueName: r.venueName,
    status: r.status,
    ageBand: r.ageBand,
    received: when(r.createdAt),
    familyName: r.redacted ? null : r.familyName,
    senderName: r.senderName,
    redacted: r.redacted,
  }));
  return json(
    {
      title: title(tr("connections:index.title"), !parsed.success),
      scope,
      counts: hubConnectionCounts(db, user),
      inbox,
      sent,
      // Outreach workers always see their list; others once they have sent something.
      showSent: user.role === "outreach" || sent.length > 0 || status !== undefined,
      status: status ?? "",
      errors: parsed.success ? {} : { status: tr("connections:index.errors.status") },
      limit: LIST_LIMIT,
    },
    { status: parsed.success ? 200 : 400 },
  );
}

const TAG: Record<ConnectionStatus, string> = {
  new: "govuk-tag--blue",
  accepted: "govuk-tag--turquoise",
  declined: "govuk-tag--red",
  contacted: "govuk-tag--green",
};

function StatusTag({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation("connections");
  return <strong className={`govuk-tag ${TAG[status]}`}>{t(`status.${status}`)}</strong>;
}

export default function Connections() {
  const { scope, counts, inbox, sent, showSent, status, errors, limit } = useLoaderData<typeof loader>();
  const { t } = useTranslation("connections");
  const errs = errors as Record<string, string>;
  const waiting = counts.reduce((n, c) => n + c.new, 0);
  const filtered = status !== "";

  return (
    <>
      <ErrorSummary errors={errs.status ? [{ href: "#status", text: errs.status }] : []} />
      <h1 className="govuk-heading-l">{t("index.heading")}</h1>
      <p className="govuk-body">{t("index.intro")}</p>
      <Link className="govuk-button" role="button" draggable="false" to="/staff/connections/new">
        {t("index.send")}
      </Link>

      <Form method="get" action="/staff/connections" aria-label={t("index.filterHeading")}>
        <Select
          id="status"
          name="status"
          label={t("index.filterStatus")}
          options={[{ value: "", label: t("index.anyStatus") }, ...CONNECTION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          defaultValue={status}
          error={errs.status}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("index.filterSubmit")}
        </button>
      </Form>

      {scope !== "none" && (
        <section aria-labelledby="inbox-heading">
          <h2 className="govuk-heading-m" id="inbox-heading">
            {scope === "all" ? t("index.inboxAll") : t("index.inbox")}
          </h2>
          <p className="govuk-body">{scope === "all" ? t("index.adminNote") : t("index.inboxIntro")}</p>
          <p className="govuk-body">
            <strong>{t("index.newWaiting", { count: waiting })}</strong>
          </p>
          {counts.length > 0 && (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">{t("index.countsCaption")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t("index.hub")}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t("index.newCount")}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t("index.acceptedCount")}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t("index.contactedCount")}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t("index.declinedCount")}
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {counts.map((c) => (
                  <tr className="govuk-table__row" key={c.venueId}>
                    <th scope="row" className="govuk-table__header">
                      {c.venueName}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{c.new}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{c.accepted}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{c.contacted}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{c.declined}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {inbox.length === 0 ? (
            <p className="govuk-body">{t("index.noInbox")}</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">{t("index.inboxCaption")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t("index.received")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {scope === "all" ? t("index.requestColumn") : t("index.family")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("index.hub")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("index.ageBand")}
                  </th>
                  {scope !== "all" && (
                    <th scope="col" className="govuk-table__header">
                      {t("index.from")}
                    </th>
                  )}
                  <th scope="col" className="govuk-table__header">
                    {t("index.status")}
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {inbox.map((r) => (
                  <tr className="govuk-table__row" key={r.id}>
                    <td className="govuk-table__cell">{r.received}</td>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`/staff/connections/${r.id}`}>
                        {r.familyName ?? (r.redacted && scope !== "all" ? t("index.redacted") : t("index.request", { id: r.id }))}
                      </Link>
                    </td>
                    <td className="govuk-table__cell">{r.venueName}</td>
                    <td className="govuk-table__cell">{r.ageBand ? t(`common:ageBands.${r.ageBand}`) : t("index.notGiven")}</td>
                    {scope !== "all" && <td className="govuk-table__cell">{r.senderName}</td>}
                    <td className="govuk-table__cell">
                      <StatusTag status={r.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {inbox.length >= limit && <p className="govuk-body">{t("index.limited", { count: limit })}</p>}
        </section>
      )}

      {showSent && (
        <section aria-labelledby="yours-heading">
          <h2 className="govuk-heading-m" id="yours-heading">
            {t("index.yours")}
          </h2>
          <p className="govuk-body">{t("index.yoursIntro")}</p>
          {sent.length === 0 ? (
            <p className="govuk-body">{filtered ? t("index.noInbox") : t("index.noneSent")}</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">{t("index.yoursCaption")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t("index.sent")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("index.family")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("index.hub")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("index.status")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("index.updated")}
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {sent.map((r) => (
                  <tr className="govuk-table__row" key={r.id}>
                    <td className="govuk-table__cell">{r.sent}</td>
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`/staff/connections/${r.id}`}>
                        {r.familyName ?? t("index.redacted")}
                      </Link>
                    </td>
                    <td className="govuk-table__cell">{r.venueName}</td>
                    <td className="govuk-table__cell">
                      <StatusTag status={r.status} />
                    </td>
                    <td className="govuk-table__cell">{r.updated ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {sent.length >= limit && <p className="govuk-body">{t("index.limited", { count: limit })}</p>}
        </section>
      )}
    </>
  );
}
