import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Pagination } from "~/components/govuk/pagination";
import { Table, type TableHead, type TableRow } from "~/components/govuk/table";
import { formatNumber } from "~/utils/format";

/**
 * A staff log page (the outbox, the audit log): heading, filter form, how many entries match,
 * one page of them as a table, and links to the other pages that keep the filters. The page gives
 * its own filter fields as children; `fields` lists them in page order, then "page", the names
 * of the query parameters. A bad page number is reported at the first field. Texts for the
 * filter buttons and pagination come from the "admin" namespace, which the page must load.
 */
export function FilteredLog(p: {
  heading: string;
  intro: ReactNode;
  /** The page's own path: where the filter form goes, and what "Clear filters" goes back to. */
  action: string;
  filterLabel: string;
  fields: readonly string[];
  values: Record<string, string>;
  errors: Record<string, string>;
  /** "12 entries": announced when the filters change. */
  count: string;
  tableLabel: string;
  head: TableHead[];
  rows: TableRow[];
  page: number;
  pageCount: number;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation("admin");
  const lng = i18n.language;
  const first = p.fields[0];
  const errorList = p.fields.filter((f) => p.errors[f]).map((f) => ({ href: `#${f === "page" ? first : f}`, text: p.errors[f] }));
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const key of p.fields) if (key !== "page" && p.values[key]) params.set(key, p.values[key]);
    params.set("page", String(page));
    return `?${params}`;
  };

  return (
    <>
      <ErrorSummary errors={errorList} />
      <h1 className="govuk-heading-l">{p.heading}</h1>
      {p.intro}

      <Form method="get" action={p.action} aria-label={p.filterLabel}>
        {p.children}
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("filter.apply")}
        </button>{" "}
        <Link className="govuk-link" to={p.action}>
          {t("filter.clear")}
        </Link>
      </Form>

      <p className="govuk-body" role="status">
        {p.count}
      </p>

      {p.rows.length > 0 && (
        <div style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label={p.tableLabel}>
          <Table className="govuk-table--small-text-until-tablet" caption={p.tableLabel} captionHidden head={p.head} rows={p.rows} />
        </div>
      )}

      <Pagination
        page={p.page}
        pageCount={p.pageCount}
        href={pageLink}
        text={{
          label: t("pagination.label"),
          previous: t("pagination.previous"),
          next: t("pagination.next"),
          status: t("pagination.pageOf", { page: formatNumber(p.page, lng), pages: formatNumber(p.pageCount, lng) }),
        }}
      />
    </>
  );
}
