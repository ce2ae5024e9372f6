// Which pages load React in the browser (decision 012). A family's pages work as plain HTML, so a
// route says in its `handle` how much of the framework it needs, and root.tsx renders that much:
//   "none"      no framework JavaScript at all (the form posts, the links are links);
//   "on-demand" the framework waits, inert, in a <template>, and is started by the first tap on a
//               control marked data-hydrate (the map toggle); the tap is replayed by early-clicks;
//   "all"       hydrate at once (staff pages, and any route that says nothing).

export type ScriptsMode = "all" | "on-demand" | "none";

/** A route's handle: `scripts` is a mode, or a function of its loader data (staff need more). */
export type LightHandle = { scripts?: ScriptsMode | ((data: unknown) => ScriptsMode) };

/** The deepest route decides: a layout cannot know what its page needs. */
export function scriptsMode(matches: readonly { handle?: unknown; data?: unknown }[]): ScriptsMode {
  const leaf = matches[matches.length - 1];
  const wanted = (leaf?.handle as LightHandle | undefined)?.scripts;
  if (!wanted) return "all";
  return typeof wanted === "function" ? wanted(leaf.data) : wanted;
}

export const HYDRATE_TEMPLATE_ID = "app-hydrate";

/**
 * Inline, on "on-demand" pages: the first tap on a [data-hydrate] control moves the framework's
 * scripts out of their template into the page, where they run (cloned scripts keep their nonce).
 */
export const HYDRATE_ON_DEMAND_SCRIPT =
  'document.addEventListener("click",function(e){var b=e.target&&e.target.closest&&e.target.closest("[data-hydrate]"),' +
  `t=b&&document.getElementById("${HYDRATE_TEMPLATE_ID}");` +
  'if(t&&t.content){t.removeAttribute("id");document.body.appendChild(document.importNode(t.content,true))}},true);';

/**
 * Inline, on the home page: "Use my location" for phones that can. Hidden until this runs; asks
 * the phone for its position, has the server name the nearest postcode district (GET /locate) and
 * puts it in the postcode box, saying what happened in the live region named by data-status.
 */
export const LOCATE_SCRIPT =
  '(function(){var b=document.querySelector("[data-locate]");if(!b||!navigator.geolocation||!window.fetch)return;' +
  'var s=document.getElementById(b.getAttribute("data-status")),f=document.getElementById("postcode");b.hidden=false;' +
  'b.addEventListener("click",function(){s.textContent=b.getAttribute("data-finding");' +
  "navigator.geolocation.getCurrentPosition(function(p){" +
  'fetch("/locate?lat="+p.coords.latitude.toFixed(3)+"&lon="+p.coords.longitude.toFixed(3)).then(function(r){return r.ok?r.json():{}})' +
  '.then(function(d){if(d.district){f.value=d.district;s.textContent=b.getAttribute("data-found").replace("{district}",d.district);f.focus()}' +
  'else s.textContent=b.getAttribute("data-failed")},function(){s.textContent=b.getAttribute("data-failed")})},' +
  'function(){s.textContent=b.getAttribute("data-failed")},{maximumAge:600000,timeout:15000})})})();';

/**
 * Inline at the end of pages without the framework: what ErrorSummary does after hydration, as
 * GOV.UK Frontend does. The summary takes focus when the page arrives with it (a screen reader
 * announces it), and its links put the cursor in their field with its label in view.
 */
export const ERROR_SUMMARY_SCRIPT =
  '(function(){var s=document.querySelector(".govuk-error-summary");if(!s)return;s.focus();' +
  's.addEventListener("click",function(e){var a=e.target&&e.target.closest&&e.target.closest("a[href^=\'#\']"),' +
  "i=a&&document.getElementById(a.hash.slice(1));if(!i)return;e.preventDefault();" +
  'var f=i.closest("fieldset"),l=(f&&f.querySelector("legend"))||document.querySelector("label[for=\\""+i.id+"\\"]")||i;' +
  "l.scrollIntoView();i.focus({preventScroll:true})})})();";
