// Translation bundles for the browser, for namespaces a page did not carry inline.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { NAMESPACES, OFFERED_LANGUAGES } from "~/i18n";
import { resources } from "~/i18next.server";

const ParamsSchema = z.object({
  lng: z.enum(OFFERED_LANGUAGES as [string, ...string[]]),
  ns: z.enum(NAMESPACES),
});

export async function loader({ params }: LoaderFunctionArgs) {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) return json({ error: "Not found" }, { status: 404 });
  const bundle = resources[parsed.data.lng][parsed.data.ns];
  if (!bundle) return json({}, { headers: { "Cache-Control": "public, max-age=300" } });
  return json(bundle, {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
