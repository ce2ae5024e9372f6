// The outbox: every message the service sent or will send. Admins see all of it; hub people only
// messages about bookings at their own hubs.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { NOTIFICATION_STATUSES } from "../../db/schema";
import { requireStaff } from "~/auth/guards.server";
import { Select } from "~/components/govuk/fields";
import { FilteredLog } from "~/components/govuk/filtered-log";
import { Tag, type TagColour } from "~/components/govuk/tag";
import { hideTokens } from "~/models/notification.server";
import { listOutbox, outboxTemplates } from "~/models/outbox.server";
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
    const errors = Object.fromEntries(Object.entries(issuesByField(parsed.error.issues)).map(([field, key]) => [field, tr(`admin:${key}`)]));
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

const STATUS_TAG: Record<string, TagColour> = {
  pending: "yellow",
  sent: "green",
  failed: "red",
};

export default function Outbox() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const lng = i18n.language;
  const errors = data.errors as Record<string, string>;
  const values = data.values as Record<string, string>;
  const templateLabel = (slug: string) => t(`templates.${slug}`, { defaultValue: slug });

  return (
    <FilteredLog
      heading={t("outbox.heading")}
      intro={
        <>
          {data.keptInOutbox && (
            <div className="govuk-inset-text">
              <p className="govuk-body">{t("outbox.keptHere")}</p>
            </div>
          )}
          <p className="govuk-body">{data.seesAll ? t("outbox.scopeAll") : t("outbox.scopeHubs")}</p>
          <p className="govuk-body">{t("outbox.linksHidden")}</p>
        </>
      }
      action="/staff/outbox"
      filterLabel={t("outbox.filterLabel")}
      fields={FIELDS}
      values={values}
      errors={errors}
      count={t("outbox.count", { count: data.total, formatted: formatNumber(data.total, lng) })}
      tableLabel={t("outbox.tableLabel")}
      head={[
        t("outbox.created"),
        t("outbox.template"),
        t("outbox.recipient"),
        t("outbox.language"),
        t("outbox.status"),
        t("outbox.booking"),
        t("outbox.message"),
      ].map((content) => ({ content }))}
      rows={data.rows.map((r) => ({
        key: r.id,
        cells: [
          { content: r.created },
          { content: templateLabel(r.template) },
          {
            content: (
              <>
                <span className="govuk-caption-s">{t(`channels.${r.channel}`)}</span>
                <br />
                {r.redacted ? (
                  <span className="govuk-body-s">{t("outbox.redacted")}</span>
                ) : (
                  <span style={{ overflowWrap: "anywhere" }}>{r.recipient}</span>
                )}
              </>
            ),
          },
          { content: r.language },
          {
            content: (
              <>
                <Tag colour={STATUS_TAG[r.status]}>{t(`statuses.${r.status}`)}</Tag>
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
              </>
            ),
          },
          {
            content: r.reference ? (
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
            ),
          },
          {
            // A wiped message has nothing left to show; its recipient cell says why.
            content: !r.redacted && (
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
            ),
          },
        ],
      }))}
      page={data.page}
      pageCount={data.pageCount}
    >
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
            options={[{ value: "", label: t("outbox.allTemplates") }, ...data.templates.map((s) => ({ value: s, label: templateLabel(s) }))]}
          />
        </div>
      </div>
    </FilteredLog>
  );
}
