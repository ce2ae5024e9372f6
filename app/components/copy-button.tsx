// Small JavaScript enhancements for the share and print pages. Without JavaScript (or without
// the Clipboard API) the buttons are simply not there: the text is in a field to select and copy,
// and the browser's own Print works.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** "Copy link": copies `text` and says so in a live region that is in the page from the start. */
export function CopyButton({ text, label, describedBy }: { text: string; label: string; describedBy?: string }) {
  const { t } = useTranslation("share");
  // Assumed until hydration says otherwise (the Clipboard API needs HTTPS), so the button is drawn
  // from the first paint rather than appearing late.
  const [supported, setSupported] = useState(true);
  const [status, setStatus] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    setSupported(typeof navigator !== "undefined" && Boolean(navigator.clipboard?.writeText));
    return () => clearTimeout(timer.current);
  }, []);

  async function copy() {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t("copy.copied"));
    } catch {
      setStatus(t("copy.failed"));
    }
    timer.current = setTimeout(() => setStatus(""), 8000);
  }

  return (
    <div className="app-js-only">
      <div className="app-copy">
        {supported && (
          <button type="button" className="govuk-button govuk-button--secondary app-copy__button" aria-describedby={describedBy} onClick={copy}>
            {label}
          </button>
        )}
        <span className="govuk-body app-copy__status" role="status" aria-live="polite">
          {status}
        </span>
      </div>
    </div>
  );
}

/** "Print this page", for browsers with JavaScript; the hint beside it covers the rest. */
export function PrintButton({ label }: { label: string }) {
  return (
    <div className="app-js-only">
      <button type="button" className="govuk-button app-print__screen-only" onClick={() => window.print()}>
        {label}
      </button>
    </div>
  );
}
