// GOV.UK Frontend table as a component: caption, column headings, rows of cells.
import type { CSSProperties, Key, ReactNode } from "react";

function cx(...names: (string | false | undefined)[]) {
  return names.filter(Boolean).join(" ");
}

/** A column heading, <th scope="col">; numeric ones are right-aligned, as their cells should be. */
export type TableHead = { content: ReactNode; numeric?: boolean; className?: string };

/** A cell: a <td>, or with `header` the <th scope="row"> that names its row. */
export type TableCell = {
  content?: ReactNode;
  header?: boolean;
  numeric?: boolean;
  className?: string;
  colSpan?: number;
  style?: CSSProperties;
};

export type TableRow = { key: Key; id?: string; className?: string; cells: TableCell[] };

/**
 * GOV.UK table. The caption names the table for screen readers (`captionHidden` keeps it from
 * sight when a heading above already says it); without one, point `labelledBy` at that heading.
 */
export function Table(p: {
  caption?: ReactNode;
  captionSize?: "s" | "m" | "l";
  captionHidden?: boolean;
  captionId?: string;
  labelledBy?: string;
  className?: string;
  head?: TableHead[];
  rows: TableRow[];
  /** As GOV.UK Frontend's macro: the first cell of each row is its header. */
  firstCellIsHeader?: boolean;
}) {
  return (
    <table className={cx("govuk-table", p.className)} aria-labelledby={p.labelledBy}>
      {p.caption !== undefined && (
        <caption
          className={cx(
            "govuk-table__caption",
            p.captionSize && `govuk-table__caption--${p.captionSize}`,
            p.captionHidden && "govuk-visually-hidden",
          )}
          id={p.captionId}
        >
          {p.caption}
        </caption>
      )}
      {p.head && (
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {p.head.map((h, i) => (
              <th key={i} scope="col" className={cx("govuk-table__header", h.numeric && "govuk-table__header--numeric", h.className)}>
                {h.content}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody className="govuk-table__body">
        {p.rows.map((row) => (
          <tr className={cx("govuk-table__row", row.className)} key={row.key} id={row.id}>
            {row.cells.map((cell, i) =>
              cell.header || (i === 0 && p.firstCellIsHeader && cell.header !== false) ? (
                <th key={i} scope="row" className={cx("govuk-table__header", cell.numeric && "govuk-table__header--numeric", cell.className)}>
                  {cell.content}
                </th>
              ) : (
                <td
                  key={i}
                  className={cx("govuk-table__cell", cell.numeric && "govuk-table__cell--numeric", cell.className)}
                  colSpan={cell.colSpan}
                  style={cell.style}
                >
                  {cell.content}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
