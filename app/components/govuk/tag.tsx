import type { ReactNode } from "react";

/** The colours GOV.UK Frontend has a modifier for; without one a tag is the default blue. */
export type TagColour = "grey" | "green" | "turquoise" | "blue" | "light-blue" | "purple" | "pink" | "red" | "orange" | "yellow";

/** GOV.UK tag: a short status beside the thing it describes ("Cancelled", "Full"). */
export function Tag({ colour, className, children }: { colour?: TagColour; className?: string; children: ReactNode }) {
  return <strong className={["govuk-tag", colour && `govuk-tag--${colour}`, className].filter(Boolean).join(" ")}>{children}</strong>;
}
