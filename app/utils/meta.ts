import type { MetaFunction } from "@remix-run/node";

/** Routes put a translated `title` in their loader data; this turns it into <title>. */
export const titleMeta: MetaFunction = ({ data }) => {
  const title = (data as { title?: string } | undefined)?.title;
  return title ? [{ title }] : [];
};
