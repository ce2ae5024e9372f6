import type { MetaFunction } from "@remix-run/node";

/**
 * Routes put a translated `title` in their loader data; this turns it into <title>, with the
 * page's `description` if it has one, else the service's own (every page has a meta description).
 */
export const titleMeta: MetaFunction = ({ data, matches }) => {
  const own = data as { title?: string; description?: string } | undefined;
  const root = matches.find((m) => m.id === "root")?.data as { description?: string } | undefined;
  const description = own?.description ?? root?.description;
  return [...(own?.title ? [{ title: own.title }] : []), ...(description ? [{ name: "description", content: description }] : [])];
};
