import type { Namespace } from "~/i18n";
import { localeOf } from "~/i18next.server";
import { i18nFor } from "~/utils/translate.server";

/** A translator for loaders, in the request's language, plus a page-title helper. */
export async function translator(request: Request, ns: Namespace | Namespace[] = "common") {
  const namespaces: [Namespace, ...Namespace[]] = ["common", ...([] as Namespace[]).concat(ns)];
  const locale = await localeOf(request);
  // The language's shared instance: remix-i18next's getFixedT builds a new one on every call.
  const t = i18nFor(locale).getFixedT(locale, namespaces);
  const title = (page: string, hasErrors = false) =>
    `${hasErrors ? t("common:errors.titlePrefix") : ""}${page} – ${t("common:layout.serviceName")}`;
  return { t, locale, title };
}
