// The audit log: who changed what, when, with the record before and after. Administrators only.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireStaff } from "~/auth/guards.server";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Select, TextInput } from "~/components/govuk/fields";
import { Pagination } from "~/components/govuk/pagination";
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
  const errorList = FIELDS.filter((f) => errors[f]).map((f) => ({ href: `#${f === "page" ? "person" : f}`, text: errors[f] }));
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const key of ["person", "entity", "from", "to"]) if (values[key]) params.set(key, values[key]);
    params.set("page", String(page));
    return `?${params}`;
  };
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
    <>
      <ErrorSummary errors={errorList} />
      <h1 className="govuk-heading-l">{t("audit.heading")}</h1>
      <p className="govuk-body">{t("audit.intro")}</p>

      <Form method="get" action="/staff/audit" aria-label={t("audit.filterLabel")}>
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
            <TextInput id="from" name="from" label={t("audit.from")} hint={t("dateHint")} error={errors.from} defaultValue={values.from} className="govuk-input--width-10" />
          </div>
          <div className="govuk-grid-column-one-half">
            <TextInput id="to" name="to" label={t("audit.to")} hint={t("dateHint")} error={errors.to} defaultValue={values.to} className="govuk-input--width-10" />
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("filter.apply")}
        </button>{" "}
        <Link className="govuk-link" to="/staff/audit">
          {t("filter.clear")}
        </Link>
      </Form>

      <p className="govuk-body" role="status">
        {t("audit.count", { count: data.total, formatted: formatNumber(data.total, lng) })}
      </p>

      {data.rows.length > 0 && (
        <div style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label={t("audit.tableLabel")}>
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-table__caption govuk-visually-hidden">{t("audit.tableLabel")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("audit.when")}</th>
                <th scope="col" className="govuk-table__header">{t("audit.who")}</th>
                <th scope="col" className="govuk-table__header">{t("audit.action")}</th>
                <th scope="col" className="govuk-table__header">{t("audit.entity")}</th>
                <th scope="col" className="govuk-table__header">{t("audit.changes")}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.rows.map((r) => (
                <tr className="govuk-table__row" key={r.id}>
                  <td className="govuk-table__cell">{r.when}</td>
                  <td className="govuk-table__cell" style={{ overflowWrap: "anywhere" }}>
                    {r.who ?? t("audit.system")}
                  </td>
                  <td className="govuk-table__cell">
                    <code>{r.action}</code>
                  </td>
                  <td className="govuk-table__cell">
                    {t(`entities.${r.entityType}`, { defaultValue: r.entityType })} {r.entityId && `#${r.entityId}`}
                    {r.venue && <span className="govuk-caption-s">{r.venue}</span>}
                  </td>
                  <td className="govuk-table__cell">
                    {r.before === null && r.after === null ? (
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
