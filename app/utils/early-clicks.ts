// JavaScript-only buttons are drawn from the first paint (so nothing shifts when React arrives),
// which means a parent can tap one in the second before its handler is attached. The inline
// script in root records such taps by the button's data-early-click name, and the component
// acts on them once it is live. Only idempotent actions ("open the map") are replayed, so a tap
// that React itself also replays can do no harm.

declare global {
  interface Window {
    __earlyClicks?: string[];
  }
}

/** Runs before first paint: marks the page as having JavaScript and starts recording taps. */
export const EARLY_SCRIPT =
  'document.body.classList.add("app-js");window.__earlyClicks=[];' +
  'document.addEventListener("click",function(e){var q=window.__earlyClicks,' +
  'b=q&&e.target&&e.target.closest&&e.target.closest("[data-early-click]");' +
  'if(b)q.push(b.getAttribute("data-early-click"))},true);';

/** True once for each recorded tap on the named button. */
export function takeEarlyClick(name: string): boolean {
  const queue = window.__earlyClicks;
  const at = queue ? queue.indexOf(name) : -1;
  if (at === -1) return false;
  queue!.splice(at, 1);
  return true;
}

/** Called when the whole page has hydrated: from now on handlers are attached. */
export function stopRecordingEarlyClicks() {
  window.__earlyClicks = undefined;
}
