// Phone numbers, postcodes, references, emails, times and prices always read left to right, even
// on an Urdu or Arabic page: <bdi dir="ltr"> isolates them from the text around them, keeps a
// short one on one line ("B23 6RS" never splits) and draws its digits in the Latin font
// (styles/_rtl.scss). Plain text (messages, the share text) uses ltrIsolate from utils/bidi.ts.
import type { ReactNode } from "react";

/** `wrap` lets a long value (an email address) break anywhere rather than widen a phone's page. */
export function Ltr({ children, wrap = false }: { children: ReactNode; wrap?: boolean }) {
  return (
    <bdi dir="ltr" className={wrap ? "app-ltr app-ltr--wrap" : "app-ltr"}>
      {children}
    </bdi>
  );
}
