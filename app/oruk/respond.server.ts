// How every /api answer is sent: JSON, readable from any origin, errors included, with an ETag
// (a hash of the body, so an unchanged answer is a 304 with no body) and Last-Modified.
import { createHash } from "node:crypto";
import type { Db } from "../../db/connection";
import { AGE_BANDS } from "~/domain/age-bands";
import { SESSION_TYPE_SLUGS } from "~/domain/session-types";
import { type OrukRecord, orukRecords } from "~/oruk/records.server";
import type { Labels } from "~/oruk/taxonomies";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { translatorFor } from "~/utils/translate.server";

export const CORS = { "Access-Control-Allow-Origin": "*" };

export function apiError(status: 400 | 404 | 405 | 503, message: string): Response {
  return new Response(JSON.stringify({ status, message }), {
    status,
    headers: { ...CORS, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export function apiJson(request: Request, body: unknown, lastModified?: string): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha1").update(text).digest("base64url")}"`;
  const headers: Record<string, string> = {
    ...CORS,
    "Content-Type": "application/json; charset=utf-8",
    ETag: etag,
    // Directories poll: let them revalidate cheaply rather than keep stale timetables.
    "Cache-Control": "public, max-age=0, must-revalidate",
  };
  if (lastModified) headers["Last-Modified"] = new Date(lastModified).toUTCString();
  const match = request.headers.get("If-None-Match");
  if (match && match.split(",").some((m) => m.trim() === etag || m.trim() === `W/${etag}`)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(text, { status: 200, headers });
}

export function latest(records: OrukRecord[]): string | undefined {
  let max: string | undefined;
  for (const r of records) {
    for (const at of [r.updatedAt, r.venue.updatedAt]) if (max === undefined || at > max) max = at;
  }
  return max;
}

let cachedLabels: Labels | undefined;

export function labels(): Labels {
  if (cachedLabels) return cachedLabels;
  const t = translatorFor("en");
  cachedLabels = {
    types: Object.fromEntries(SESSION_TYPE_SLUGS.map((slug) => [slug, t(`common:types.${slug}`)])),
    ageBands: Object.fromEntries(AGE_BANDS.map((band) => [band, t(`common:ageBands.${band}`)])),
    siteUrl: env().SITE_URL.replace(/\/$/, ""),
  };
  return cachedLabels;
}

let cache: { version: string; records: OrukRecord[] } | undefined;

/**
 * Every record, read again only when the database has changed: data_version moves when another
 * connection commits, total_changes() when this one writes, so the check costs microseconds.
 */
function cachedRecords(db: Db): OrukRecord[] {
  const other = db.$client.pragma("data_version", { simple: true }) as number;
  const own = (db.$client.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
  const version = `${other}:${own}`;
  if (cache?.version !== version) cache = { version, records: orukRecords(db) };
  return cache.records;
}

/** Runs an API loader so that nothing it throws becomes an HTML page. */
export async function api(request: Request, answer: (db: Db, records: (id?: string) => OrukRecord[]) => Response): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") return apiError(405, "only GET is supported");
  try {
    const db = getDb();
    return answer(db, (id) => (id === undefined ? cachedRecords(db) : orukRecords(db, id)));
  } catch (err) {
    if (err instanceof Response) throw err;
    logger.error({ err }, "api request failed");
    return apiError(503, "the directory could not be read just now; try again shortly");
  }
}
