// The audit log: who changed what, when, with the record before and after. Administrators only.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireStaff } from "~/auth/guards.server";
import { Select, TextInput } from "~/components/govuk/fields";
import { FilteredLog } from "~/components/govuk/filtered-log";
import { addDays, isValidIsoDate, londonToUtc } from "~/domain/dates";
import { auditEntityTypes, listAudit } from "~/models/audit.server";
import { listAllUsers } from "~/models/user.server";
import { getDb } from "~/utils/db.server";
import { issuesByField } from "~/utils/form-errors";
import { formatInstant, formatNumber } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { PAGE_SIZE } from "~/utils/pagination";
import { optionalField } from "~/utils/zod-fields";

export const handle = { i18n: ["staff", "admin"] };
export const meta = titleMeta;

const isoDate = (message: string) =>
  z
    .string()
    .trim()
    .refine((v) => isValidIsoDate(v), message);

const QuerySchema = z.object({
  person: optionalField(
    z
      .string()
      .regex(/^(system|[1-9]\d{0,9})$/, "audit.errors.person")
      .transform((v) => (v === "system" ? ("system" as const) : Number(v))),
  ),
  entity: optionalField(z.string().regex(/^[a-z0-9-]{1,40}$/, "audit.errors.entity")),
  from: optionalField(isoDate("audit.errors.from")),
  to: optionalField(isoDate("audit.errors.to")),
  page: optionalField(z.coerce.number({ message: "errors.page" }).int("errors.page").min(1, "errors.page").max(100_000, "errors.page")),
});

const FIELDS = ["person", "entity", "from", "to", "page"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "audit");
  const { t: tr, title, locale } = await translator(request, ["staff", "admin"]);
  const db = getDb();
  const url = new URL(request.url);
  const raw: Record<string, string> = {};
  for (const key of FIELDS) {
    const value = url.searchParams.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = QuerySchema.safeParse(raw);
  const keys = parsed.success ? {} : issuesByField(parsed.error.issues);
  // A date range the wrong way round, reported alongside any other problem.
  const from = raw.from?.trim();
  const to = raw.to?.trim();
  if (from && to && isValidIsoDate(from) && isValidIsoDate(to) && to < from) keys.to ??= "audit.errors.toBeforeFrom";
  const base = {
    title: title(tr("admin:audit.title"), Object.keys(keys).length > 0),
    people: listAllUsers(db),
    entityTypes: auditEntityTypes(db),
    values: raw,
  };
  if (!parsed.success || Object.keys(keys).length > 0) {
    const errors = Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, tr(`admin:${key}`)]));
    return json({ ...base, errors, rows: [], total: 0, page: 1, pageCount: 0 }, { status: 400 });
  }
  const q = parsed.data;
  const page = q.page ?? 1;
  // Dates are London calendar days; the log keeps UTC instants.
  const { rows, total } = listAudit(db, {
    person: q.person,
    entityType: q.entity,
    fromIso: q.from ? londonToUtc(q.from, "00:00").toISOString() : undefined,
    toIso: q.to ? londonToUtc(addDays(q.to, 1), "00:00").toISOString() : undefined,
    page,
  });
  return json({
    ...base,
    errors: {} as Record<string, string>,
    total,
    page,
    pageCount: Math.ceil(total / PAGE_SIZE),
    rows: rows.map((r) => ({
      id: r.entry.id,
      when: formatInstant(r.entry.at, locale),
      who: r.userName ? `${r.userName} (${r.userEmail})` : null,
      action: r.entry.action,
      entityType: r.entry.entityType,
      entityId: r.entry.entityId,
      venue: r.venueName,
      before: r.entry.before === null ? null : JSON.stringify(r.entry.before, null, 2),
      after: r.entry.after === null ? null : JSON.stringify(r.entry.after, null, 2),
    })),
  });
}

export default function AuditLog() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const lng = i18n.language;
  const errors = data.errors as Record<string, string>;
  const values = data.values as Record<string, string>;
  const jsonBlock = (label: string, text: string | null) =>
    text === null ? null : (
      <>
        <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{label}</h3>
        <pre className="govuk-body-s" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {text}
        </pre>
      </>
    );

  return (
    <FilteredLog
      heading={t("audit.heading")}
      intro={<p className="govuk-body">{t("audit.intro")}</p>}
      action="/staff/audit"
      filterLabel={t("audit.filterLabel")}
      fields={FIELDS}
      values={values}
      errors={errors}
      count={t("audit.count", { count: data.total, formatted: formatNumber(data.total, lng) })}
      tableLabel={t("audit.tableLabel")}
      head={[t("audit.when"), t("audit.who"), t("audit.action"), t("audit.entity"), t("audit.changes")].map((content) => ({ content }))}
      rows={data.rows.map((r) => ({
        key: r.id,
        cells: [
          { content: r.when },
          { content: r.who ?? t("audit.system"), style: { overflowWrap: "anywhere" } },
          { content: <code>{r.action}</code> },
          {
            content: (
              <>
                {t(`entities.${r.entityType}`, { defaultValue: r.entityType })} {r.entityId && `#${r.entityId}`}
                {r.venue && <span className="govuk-caption-s">{r.venue}</span>}
              </>
            ),
          },
          {
            content:
              r.before === null && r.after === null ? (
                t("audit.noDetail")
              ) : (
                <details className="govuk-details govuk-!-margin-bottom-0">
                  <summary className="govuk-details__summary">
                    <span className="govuk-details__summary-text">
                      {t("audit.view")}
                      <span className="govuk-visually-hidden"> {t("audit.viewContext", { action: r.action, when: r.when })}</span>
                    </span>
                  </summary>
                  <div className="govuk-details__text">
                    {jsonBlock(t("audit.before"), r.before)}
                    {jsonBlock(t("audit.after"), r.after)}
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
        <div className="govuk-grid-column-one-half">
          <Select
            id="person"
            name="person"
            label={t("audit.person")}
            defaultValue={values.person ?? ""}
            error={errors.person ?? errors.page}
            options={[
              { value: "", label: t("audit.everyone") },
              { value: "system", label: t("audit.system") },
              ...data.people.map((p) => ({ value: String(p.id), label: `${p.name} (${p.email})` })),
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Select
            id="entity"
            name="entity"
            label={t("audit.entity")}
            defaultValue={values.entity ?? ""}
            error={errors.entity}
            options={[
              { value: "", label: t("audit.allEntities") },
              ...data.entityTypes.map((e) => ({ value: e, label: t(`entities.${e}`, { defaultValue: e }) })),
            ]}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <TextInput
            id="from"
            name="from"
            label={t("audit.from")}
            hint={t("dateHint")}
            error={errors.from}
            defaultValue={values.from}
            className="govuk-input--width-10"
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <TextInput
            id="to"
            name="to"
            label={t("audit.to")}
            hint={t("dateHint")}
            error={errors.to}
            defaultValue={values.to}
            className="govuk-input--width-10"
          />
        </div>
      </div>
    </FilteredLog>
  );
}
