import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** GOV.UK back link, at the top of a page before its heading. */
export function BackLink({ to, className, children }: { to: string; className?: string; children: ReactNode }) {
  return (
    <Link className={className ? `govuk-back-link ${className}` : "govuk-back-link"} to={to}>
      {children}
    </Link>
  );
}
