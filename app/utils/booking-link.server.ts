// Parses /bookings/:reference?token=… the same way everywhere; any failure is "not found".
import { z } from "zod";
import { normaliseReference } from "~/domain/booking";
import { findBooking } from "~/models/booking.server";
import { getDb } from "./db.server";

const LinkSchema = z.object({
  reference: z.string().max(20).transform((v, ctx) => normaliseReference(v) ?? (ctx.addIssue({ code: "custom" }), z.NEVER)),
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/),
});

export function parseBookingLink(params: { reference?: string }, token: string | null) {
  const parsed = LinkSchema.safeParse({ reference: params.reference, token });
  if (!parsed.success) return null;
  return parsed.data;
}

export function requireBooking(request: Request, params: { reference?: string }, tokenFromForm?: string | null) {
  const token = tokenFromForm ?? new URL(request.url).searchParams.get("token");
  const link = parseBookingLink(params, token);
  const booking = link ? findBooking(getDb(), link.reference, link.token) : null;
  if (!link || !booking) throw new Response("Not found", { status: 404 });
  return { booking, token: link.token };
}
