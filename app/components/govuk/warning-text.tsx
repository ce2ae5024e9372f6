import type { ReactNode } from "react";

/**
 * GOV.UK warning text: the "!" is hidden from screen readers, which hear `label` ("Warning")
 * before the message instead. The label comes translated from the caller. `role="alert"` for a
 * warning that appears in answer to what someone did; `block` for a message with headings or
 * lists in it, which a <strong> cannot hold.
 */
export function WarningText({ label, role, block, children }: { label: string; role?: "alert"; block?: boolean; children: ReactNode }) {
  const Text = block ? "div" : "strong";
  return (
    <div className="govuk-warning-text" role={role}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <Text className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{label}</span>
        {children}
      </Text>
    </div>
  );
}
