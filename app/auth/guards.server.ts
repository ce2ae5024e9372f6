// The checks every staff loader and action makes: signed in, allowed by the role table
// (domain/permissions.ts), working at the venue concerned, and posting from our own pages.
import { redirect } from "@remix-run/node";
import { may, worksAt, type Permission, type StaffUser } from "~/domain/permissions";
import { findOccurrence, type OccurrenceContext } from "~/models/register.server";
import { venueBySlug } from "~/models/venue.server";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { IdParamsSchema, SlugParamsSchema } from "~/utils/params.server";
import { currentStaff } from "./sign-in.server";

/**
 * Every staff loader and action starts here. Signed out → sign-in page; wrong role → 403.
 * State-changing requests must also come from our own pages (Origin check against CSRF).
 */
export async function requireStaff(request: Request, permission?: Permission): Promise<StaffUser> {
  if (request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
  const user = await currentStaff(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/staff/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (permission && !may(user, permission)) throw new Response("Forbidden", { status: 403 });
  return user;
}

/** 403 unless the person works at this venue (admins work everywhere). */
export function requireVenueAccess(user: StaffUser, venueId: number) {
  if (!worksAt(user, venueId)) throw new Response("Forbidden", { status: 403 });
}

/** The venue named by a slug in the URL, which must exist (404) and be one the person works at (403). */
export function requireStaffVenue(user: StaffUser, slug: unknown) {
  const parsed = SlugParamsSchema.safeParse({ slug });
  const venue = parsed.success ? venueBySlug(getDb(), parsed.data.slug) : undefined;
  if (!venue) throw new Response("Not found", { status: 404 });
  requireVenueAccess(user, venue.id);
  return venue;
}

/** Rejects a cross-site form post: the browser's Origin (or Referer) must be this site. */
export function assertSameOrigin(request: Request) {
  const expected = new URL(request.url).origin;
  const allowed = new Set([expected, new URL(env().SITE_URL).origin]);
  const origin = request.headers.get("Origin");
  const referer = request.headers.get("Referer");
  const source = origin && origin !== "null" ? origin : referer ? safeOrigin(referer) : null;
  if (!source || !allowed.has(source)) throw new Response("Forbidden: cross-site request", { status: 403 });
}

function safeOrigin(url: string) {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * After requireStaff(request, "register"): the occurrence in the URL, which must exist (404,
 * checked first) and be at a venue the person works at (403).
 */
export function requireRegisterOccurrence(user: StaffUser, params: unknown): OccurrenceContext {
  const parsed = IdParamsSchema.safeParse(params);
  const found = parsed.success ? findOccurrence(getDb(), parsed.data.id) : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  requireVenueAccess(user, found.venue.id);
  return found;
}
