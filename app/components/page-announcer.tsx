// After a client-side navigation (a link, a search, a form posted), a screen reader would stay on
// whatever it was reading, or on <body>, and hear nothing of the new page. As GOV.UK's own apps do,
// focus moves to what the page is about (its error summary, its confirmation panel, else its h1)
// and a polite live region reads the new title. The first page load is left to the browser.
import { useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

const TARGETS = [".govuk-error-summary", ".govuk-panel--confirmation", "main h1"];

function focusTarget(): HTMLElement | null {
  for (const selector of TARGETS) {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) return el;
  }
  return null;
}

export function PageAnnouncer() {
  const location = useLocation();
  const navigation = useNavigation();
  const [message, setMessage] = useState("");
  const shown = useRef<string | null>(null);
  const focusedBefore = useRef<Element | null>(null);
  useEffect(() => {
    if (navigation.state !== "idle") {
      focusedBefore.current = document.activeElement;
      return;
    }
    if (shown.current === null) {
      shown.current = location.key;
      return;
    }
    if (shown.current === location.key) return;
    shown.current = location.key;
    // A link to a fragment ("#main-content", an error summary's link) keeps its own target.
    if (location.hash) return;
    // Someone who has already moved on (pressed Tab as the page arrived, or the error summary took
    // focus itself) keeps their place: focus is never pulled back from where they put it.
    const active = document.activeElement;
    const moved = active !== null && active !== document.body && active !== focusedBefore.current && document.contains(active);
    const target = moved ? null : focusTarget();
    if (target) {
      // As GOV.UK Frontend does for its error summary: focusable for now, ringed while focused
      // (a keyboard user sees where they are), and plain again once they move on.
      if (!target.hasAttribute("tabindex")) {
        target.setAttribute("tabindex", "-1");
        target.addEventListener("blur", () => target.removeAttribute("tabindex"), { once: true });
      }
      target.classList.add("app-focus-target");
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "nearest" });
    }
    setMessage(document.title);
  }, [location.key, location.hash, navigation.state]);
  return (
    <div className="govuk-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="page-announcer">
      {message}
    </div>
  );
}
