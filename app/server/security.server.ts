// The security headers every answer carries (pages, files, errors), with a fresh CSP nonce per
// response, and the cross-site check for posted forms.
import crypto from "node:crypto";
import type { Request as ExpressRequest, RequestHandler } from "express";

/** The map tiles' origin for img-src: `https://{s}.tile.example.org/…` becomes `https://*.tile.example.org`. */
export function tileSource(template: string | undefined): string | undefined {
  const match = template ? /^(https?:\/\/[^/?#]+)/i.exec(template) : null;
  return match ? match[1].replace(/\{[^}]*\}/g, "*") : undefined;
}

function contentSecurityPolicy(nonce: string, mapTileUrl: string | undefined) {
  const tiles = tileSource(mapTileUrl);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Stylesheets only from the site; a few elements carry a React style={{}} attribute (tables
    // that scroll, pre-line text), which needs style attributes, never <style> elements.
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' data:${tiles ? ` ${tiles}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(options: { mapTileUrl: string | undefined; https: boolean }): RequestHandler {
  // Only the nonce changes from one response to the next: the rest is built once.
  const [before, after] = contentSecurityPolicy("\u0000", options.mapTileUrl).split("\u0000");
  return (_req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.nonce = nonce;
    res.setHeader("Content-Security-Policy", before + nonce + after);
    res.setHeader("X-Content-Type-Options", "nosniff");
    // Manage links carry a token: never send this URL elsewhere. Pages also say `same-origin` in a
    // <meta>, which the browser applies to them, so their forms still send a real Origin.
    res.setHeader("Referrer-Policy", "no-referrer");
    // geolocation for this site only: "use my location" on the home page (routes/locate.ts).
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(self)");
    res.setHeader("X-Frame-Options", "DENY");
    if (options.https) res.setHeader("Strict-Transport-Security", "max-age=31536000");
    next();
  };
}

/** The host the browser addressed: X-Forwarded-Host only behind a trusted proxy. */
export function requestHost(req: ExpressRequest, trustProxy: number): string | undefined {
  if (trustProxy > 0) {
    const forwarded = req.get("x-forwarded-host")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req.get("host");
}

/** True when the request carries an Origin that is not this site's host. */
export function isCrossSite(req: ExpressRequest, trustProxy: number): boolean {
  const origin = req.get("origin");
  if (origin === undefined) return false;
  let originHost: string;
  try {
    if (origin === "null") return true;
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  return originHost !== requestHost(req, trustProxy);
}
