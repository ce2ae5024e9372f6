import type { Namespace } from "~/i18n";
import i18next from "~/i18next.server";

/** A translator for loaders, in the request's language, plus a page-title helper. */
export async function translator(request: Request, ns: Namespace | Namespace[] = "common") {
  const namespaces: [Namespace, ...Namespace[]] = ["common", ...([] as Namespace[]).concat(ns)];
  const t = await i18next.getFixedT(request, namespaces);
  const locale = await i18next.getLocale(request);
  const title = (page: string, hasErrors = false) =>
    `${hasErrors ? t("common:errors.titlePrefix") : ""}${page} – ${t("common:layout.serviceName")}`;
  return { t, locale, title };
}
