// The outbox: every message the service sent or will send. Admins see all of it; hub people only
// messages about bookings at their own hubs.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { NOTIFICATION_STATUSES } from "../../db/schema";
import { requireStaff } from "~/auth/guards.server";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Select } from "~/components/govuk/fields";
import { Pagination } from "~/components/govuk/pagination";
import { hideTokens, listOutbox, outboxTemplates } from "~/models/notification.server";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { issuesByField } from "~/utils/form-errors";
import { formatDate, formatInstant, formatNumber, languageName } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { PAGE_SIZE } from "~/utils/pagination";
import { optionalField } from "~/utils/zod-fields";

export const handle = { i18n: ["staff", "admin"] };
export const meta = titleMeta;



const QuerySchema = z.object({
  status: optionalField(z.enum(NOTIFICATION_STATUSES, { message: "outbox.errors.status" })),
  template: optionalField(z.string().regex(/^[a-z0-9-]{1,40}$/, "outbox.errors.template")),
  page: optionalField(z.coerce.number({ message: "errors.page" }).int("errors.page").min(1, "errors.page").max(100_000, "errors.page")),
});

const FIELDS = ["status", "template", "page"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "outbox");
  const { t: tr, title, locale } = await translator(request, ["staff", "admin"]);
  const db = getDb();
  const url = new URL(request.url);
  const raw: Record<string, string> = {};
  for (const key of FIELDS) {
    const value = url.searchParams.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = QuerySchema.safeParse(raw);
  const templates = outboxTemplates(db, user);
  const base = {
    title: title(tr("admin:outbox.title"), !parsed.success),
    keptInOutbox: env().NOTIFY_TRANSPORT === "outbox",
    seesAll: user.role === "admin",
    templates,
    values: raw,
  };
  if (!parsed.success) {
    const errors = Object.fromEntries(
      Object.entries(issuesByField(parsed.error.issues)).map(([field, key]) => [field, tr(`admin:${key}`)]),
    );
    return json({ ...base, errors, rows: [], total: 0, page: 1, pageCount: 0 }, { status: 400 });
  }
  const page = parsed.data.page ?? 1;
  const { rows, total } = listOutbox(db, user, { status: parsed.data.status, template: parsed.data.template, page });
  return json({
    ...base,
    errors: {} as Record<string, string>,
    total,
    page,
    pageCount: Math.ceil(total / PAGE_SIZE),
    rows: rows.map((r) => ({
      id: r.n.id,
      created: formatInstant(r.n.createdAt, locale),
      sent: r.n.sentAt ? formatInstant(r.n.sentAt, locale) : null,
      template: r.n.template,
      channel: r.n.channel,
      recipient: r.n.recipient,
      redacted: r.n.redactedAt !== null,
      language: languageName(r.n.language, locale),
      status: r.n.status,
      attempts: r.n.attempts,
      lastError: r.n.lastError,
      reference: r.reference,
      seriesTitle: r.seriesTitle,
      venueName: r.venueName,
      date: r.occurrenceDate ? formatDate(r.occurrenceDate, locale) : null,
      subject: r.n.subject,
      body: hideTokens(r.n.body),
    })),
  });
}

const STATUS_TAG: Record<string, string> = {
  pending: "govuk-tag--yellow",
  sent: "govuk-tag--green",
  failed: "govuk-tag--red",
};

export default function Outbox() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const lng = i18n.language;
  const errors = data.errors as Record<string, string>;
  const values = data.values as Record<string, string>;
  const errorList = FIELDS.filter((f) => errors[f]).map((f) => ({ href: `#${f === "page" ? "status" : f}`, text: errors[f] }));
  const templateLabel = (slug: string) => t(`templates.${slug}`, { defaultValue: slug });
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    if (values.status) params.set("status", values.status);
    if (values.template) params.set("template", values.template);
    params.set("page", String(page));
    return `?${params}`;
  };

  return (
    <>
      <ErrorSummary errors={errorList} />
      <h1 className="govuk-heading-l">{t("outbox.heading")}</h1>
      {data.keptInOutbox && (
        <div className="govuk-inset-text">
          <p className="govuk-body">{t("outbox.keptHere")}</p>
        </div>
      )}
      <p className="govuk-body">{data.seesAll ? t("outbox.scopeAll") : t("outbox.scopeHubs")}</p>
      <p className="govuk-body">{t("outbox.linksHidden")}</p>

      <Form method="get" action="/staff/outbox" aria-label={t("outbox.filterLabel")}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              id="status"
              name="status"
              label={t("outbox.status")}
              defaultValue={values.status ?? ""}
              error={errors.status ?? errors.page}
              options={[
                { value: "", label: t("outbox.allStatuses") },
                ...NOTIFICATION_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
              ]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="template"
              name="template"
              label={t("outbox.template")}
              defaultValue={values.template ?? ""}
              error={errors.template}
              options={[
                { value: "", label: t("outbox.allTemplates") },
                ...data.templates.map((s) => ({ value: s, label: templateLabel(s) })),
              ]}
            />
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("filter.apply")}
        </button>{" "}
        <Link className="govuk-link" to="/staff/outbox">
          {t("filter.clear")}
        </Link>
      </Form>

      <p className="govuk-body" role="status">
        {t("outbox.count", { count: data.total, formatted: formatNumber(data.total, lng) })}
      </p>

      {data.rows.length > 0 && (
        <div style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label={t("outbox.tableLabel")}>
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-table__caption govuk-visually-hidden">{t("outbox.tableLabel")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("outbox.created")}</th>
                <th scope="col" className="govuk-table__header">{t("outbox.template")}</th>
                <th scope="col" className="govuk-table__header">{t("outbox.recipient")}</th>
                <th scope="col" className="govuk-table__header">{t("outbox.language")}</th>
                <th scope="col" className="govuk-table__header">{t("outbox.status")}</th>
                <th scope="col" className="govuk-table__header">{t("outbox.booking")}</th>
                <th scope="col" className="govuk-table__header">{t("outbox.message")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.rows.map((r) => (
                <tr className="govuk-table__row" key={r.id}>
                  <td className="govuk-table__cell">{r.created}</td>
                  <td className="govuk-table__cell">{templateLabel(r.template)}</td>
                  <td className="govuk-table__cell">
                    <span className="govuk-caption-s">{t(`channels.${r.channel}`)}</span>
                    <br />
                    {r.redacted ? (
                      <span className="govuk-body-s">{t("outbox.redacted")}</span>
                    ) : (
                      <span style={{ overflowWrap: "anywhere" }}>{r.recipient}</span>
                    )}
                  </td>
                  <td className="govuk-table__cell">{r.language}</td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${STATUS_TAG[r.status] ?? ""}`}>{t(`statuses.${r.status}`)}</strong>
                    <br />
                    <span className="govuk-body-s">{t("outbox.attempts", { count: r.attempts })}</span>
                    {r.sent && (
                      <>
                        <br />
                        <span className="govuk-body-s">{t("outbox.sentAt", { when: r.sent })}</span>
                      </>
                    )}
                    {r.lastError && (
                      <>
                        <br />
                        <span className="govuk-body-s">{t("outbox.lastError", { error: r.lastError })}</span>
                      </>
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {r.reference ? (
                      <>
                        <strong>{r.reference}</strong>
                        <br />
                        {r.seriesTitle}
                        {r.date && <span className="govuk-body-s">, {r.date}</span>}
                        {r.venueName && (
                          <>
                            <br />
                            <span className="govuk-caption-s">{r.venueName}</span>
                          </>
                        )}
                      </>
                    ) : (
                      t("outbox.noBooking")
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {/* A wiped message has nothing left to show; its recipient cell says why. */}
                    {!r.redacted && (
                      <details className="govuk-details govuk-!-margin-bottom-0">
                        <summary className="govuk-details__summary">
                          <span className="govuk-details__summary-text">
                            {t("outbox.view")}
                            <span className="govuk-visually-hidden"> {t("outbox.viewContext", { recipient: r.recipient, when: r.created })}</span>
                          </span>
                        </summary>
                        <div className="govuk-details__text">
                          {r.subject && (
                            <p className="govuk-body">
                              <strong>{t("outbox.subject")}</strong> {r.subject}
                            </p>
                          )}
                          <p className="govuk-body-s" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                            {r.body}
                          </p>
                        </div>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination
        page={data.page}
        pageCount={data.pageCount}
        href={pageLink}
        text={{
          label: t("pagination.label"),
          previous: t("pagination.previous"),
          next: t("pagination.next"),
          status: t("pagination.pageOf", { page: formatNumber(data.page, lng), pages: formatNumber(data.pageCount, lng) }),
        }}
      />
    </>
  );
}
