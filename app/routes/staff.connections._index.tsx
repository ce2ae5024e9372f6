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
import { Table } from "~/components/govuk/table";
import { Tag, type TagColour } from "~/components/govuk/tag";
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

const TAG: Record<ConnectionStatus, TagColour> = {
  new: "blue",
  accepted: "turquoise",
  declined: "red",
  contacted: "green",
};

function StatusTag({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation("connections");
  return <Tag colour={TAG[status]}>{t(`status.${status}`)}</Tag>;
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
            <Table
              caption={t("index.countsCaption")}
              captionSize="s"
              firstCellIsHeader
              head={[
                { content: t("index.hub") },
                { content: t("index.newCount"), numeric: true },
                { content: t("index.acceptedCount"), numeric: true },
                { content: t("index.contactedCount"), numeric: true },
                { content: t("index.declinedCount"), numeric: true },
              ]}
              rows={counts.map((c) => ({
                key: c.venueId,
                cells: [
                  { content: c.venueName },
                  { content: c.new, numeric: true },
                  { content: c.accepted, numeric: true },
                  { content: c.contacted, numeric: true },
                  { content: c.declined, numeric: true },
                ],
              }))}
            />
          )}
          {inbox.length === 0 ? (
            <p className="govuk-body">{t("index.noInbox")}</p>
          ) : (
            <Table
              caption={t("index.inboxCaption")}
              captionSize="s"
              head={[
                { content: t("index.received") },
                { content: scope === "all" ? t("index.requestColumn") : t("index.family") },
                { content: t("index.hub") },
                { content: t("index.ageBand") },
                ...(scope !== "all" ? [{ content: t("index.from") }] : []),
                { content: t("index.status") },
              ]}
              rows={inbox.map((r) => ({
                key: r.id,
                cells: [
                  { content: r.received },
                  {
                    content: (
                      <Link className="govuk-link" to={`/staff/connections/${r.id}`}>
                        {r.familyName ?? (r.redacted && scope !== "all" ? t("index.redacted") : t("index.request", { id: r.id }))}
                      </Link>
                    ),
                  },
                  { content: r.venueName },
                  { content: r.ageBand ? t(`common:ageBands.${r.ageBand}`) : t("index.notGiven") },
                  ...(scope !== "all" ? [{ content: r.senderName }] : []),
                  { content: <StatusTag status={r.status} /> },
                ],
              }))}
            />
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
            <Table
              caption={t("index.yoursCaption")}
              captionSize="s"
              captionHidden
              head={[t("index.sent"), t("index.family"), t("index.hub"), t("index.status"), t("index.updated")].map((content) => ({ content }))}
              rows={sent.map((r) => ({
                key: r.id,
                cells: [
                  { content: r.sent },
                  {
                    content: (
                      <Link className="govuk-link" to={`/staff/connections/${r.id}`}>
                        {r.familyName ?? t("index.redacted")}
                      </Link>
                    ),
                  },
                  { content: r.venueName },
                  { content: <StatusTag status={r.status} /> },
                  { content: r.updated ?? "" },
                ],
              }))}
            />
          )}
          {sent.length >= limit && <p className="govuk-body">{t("index.limited", { count: limit })}</p>}
        </section>
      )}
    </>
  );
}
