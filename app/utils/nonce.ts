// The Content-Security-Policy nonce of this response. The server (app/http-server.server.ts) makes one per request
// and passes it in the load context; entry.server.tsx provides it here, and root.tsx puts it on
// every inline script. In the browser it is empty: a nonce only matters in the server's HTML.
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

/** The nonce from a load context, if the server put one there. */
export function nonceFrom(context: unknown): string | undefined {
  if (typeof context !== "object" || context === null) return undefined;
  const value = (context as { cspNonce?: unknown }).cspNonce;
  return typeof value === "string" && value ? value : undefined;
}

/** Set by the server when a form was posted from another site; the root loader answers 403. */
export function isCrossSitePost(context: unknown): boolean {
  return typeof context === "object" && context !== null && (context as { crossSitePost?: unknown }).crossSitePost === true;
}
