import { Transform } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import i18next from "~/i18next.server";
import { startBackgroundWork } from "~/jobs/scheduler.server";
import { logger } from "~/utils/logger.server";
import { i18nFor } from "~/utils/translate.server";
import { NonceContext, nonceFrom } from "~/utils/nonce";

const ABORT_DELAY = 5_000;

/**
 * React 18's streaming renderer (writeStringChunk in react-dom/server.node) flushes its whole
 * 2048-byte buffer when a multi-byte character does not fit at the end, leaving zero bytes in the
 * page (fixed in React 19). A document never holds a NUL byte, so they are dropped here.
 */
function withoutNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (chunk.indexOf(0) === -1) return done(null, chunk);
      const kept = Buffer.allocUnsafe(chunk.length);
      let length = 0;
      for (const byte of chunk) if (byte !== 0) kept[length++] = byte;
      done(null, kept.subarray(0, length));
    },
  });
}

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
  const instance = i18nFor(await i18next.getLocale(request));

  // Crawlers and no-JS clients get the whole document at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        // React's own inline scripts (streamed Suspense boundaries) carry it too.
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = withoutNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error }, "render failed");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
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
