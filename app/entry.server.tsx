import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { localeOf } from "~/i18next.server";
import { startBackgroundWork } from "~/jobs/scheduler.server";
import { logger } from "~/utils/logger.server";
import { i18nFor } from "~/utils/translate.server";
import { NonceContext, nonceFrom } from "~/utils/nonce";

startBackgroundWork();

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext?: AppLoadContext,
) {
  const nonce = nonceFrom(loadContext);
  // One instance per language, shared by its requests: concurrent requests in different languages
  // never mix, and none pays for building one (issue 17).
  const instance = i18nFor(await localeOf(request));

  // The whole document in one string: no part of any page waits for data after its loaders (no
  // defer), so streaming it gained nothing, and cost a fifth of a page's render in 2 KB chunks
  // bridged through Node and web streams (issue 17).
  const html = renderToString(
    <NonceContext.Provider value={nonce}>
      <I18nextProvider i18n={instance}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </I18nextProvider>
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}

/**
 * Logs a loader's or action's error as Remix does, and marks a busy database (another process
 * held the write lock past busy_timeout) on the request's load context, so the HTTP server
 * (app/http-server.server.ts) answers 503 with Retry-After instead of 500.
 */
export function handleError(error: unknown, { request, context }: { request: Request; context: AppLoadContext }) {
  if (request.signal.aborted) return;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code)) (context as { sqliteBusy?: boolean }).sqliteBusy = true;
  logger.error({ err: error, path: new URL(request.url).pathname }, "request failed");
}
