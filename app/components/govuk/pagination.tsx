import { Link } from "@remix-run/react";

/** GOV.UK pagination: previous, "page N of M", next. Texts come translated from the caller. */
export function Pagination(p: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  text: { label: string; previous: string; next: string; status: string };
}) {
  if (p.pageCount <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label={p.text.label}>
      {p.page > 1 && (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={p.href(p.page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">{p.text.previous}</span>
          </Link>
        </div>
      )}
      <p className="govuk-body app-pagination__status">{p.text.status}</p>
      {p.page < p.pageCount && (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={p.href(p.page + 1)} rel="next">
            <span className="govuk-pagination__link-title">{p.text.next}</span>
          </Link>
        </div>
      )}
    </nav>
  );
}
