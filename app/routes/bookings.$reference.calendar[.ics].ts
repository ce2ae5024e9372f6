// The booking as a calendar file, in London time, one event per date.
import type { LoaderFunctionArgs } from "@remix-run/node";
import ical from "ical-generator";
import { londonToUtc } from "~/domain/dates";
import { bookingDetails, bookingFromLink } from "~/models/booking-link.server";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = bookingFromLink(getDb(), params.reference, new URL(request.url).searchParams.get("token"));
  if (!found) throw new Response("Not found", { status: 404 });
  const { booking, token } = found;
  const details = bookingDetails(getDb(), booking);
  if (!details || booking.status !== "confirmed") throw new Response("Not found", { status: 404 });
  const { series, venue, dates } = details;
  const link = `${env().SITE_URL}/bookings/${booking.reference}?token=${token}`;
  const calendar = ical({ name: series.title, prodId: { company: "Family Hubs", product: "bookings" } });
  for (const d of dates.filter((o) => o.status === "scheduled")) {
    calendar.createEvent({
      id: `${booking.reference}-${d.id}@family-hubs`,
      start: londonToUtc(d.date, d.startTime),
      end: londonToUtc(d.date, d.endTime),
      summary: series.title,
      location: venue.kind === "online" ? "Online" : [venue.name, venue.addressLine1, venue.town, venue.postcode].filter(Boolean).join(", "),
      description: `${booking.reference}\n${link}`,
      url: link,
    });
  }
  return new Response(calendar.toString(), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${booking.reference}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
