import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/react";
import { ProsePage } from "~/components/prose-page";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["pages"], scripts: "none" }; // no client behaviour (utils/light-pages)
export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title } = await translator(request, "pages");
  return json({ title: title(t("pages:aboutData.heading")) });
}

export default function Page() {
  return <ProsePage page="aboutData" />;
}
