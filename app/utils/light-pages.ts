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
