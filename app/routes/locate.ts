// GET /locate?lat=…&lon=…: "use my location" on the home page turns the phone's position into the
// nearest postcode district, which the page puts in the postcode box. Nothing is stored or logged
// (the request log leaves out query strings), and the answer is never cached.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { nearestDistrict } from "~/models/geography.server";
import { getDb } from "~/utils/db.server";
import { LocateQuerySchema } from "~/utils/locate.server";

function answer(status: number, body: Record<string, unknown>) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}

export function loader({ request }: LoaderFunctionArgs) {
  const parsed = LocateQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return answer(400, { error: "lat and lon must be a position in the United Kingdom" });
  const district = nearestDistrict(getDb(), { latitude: parsed.data.lat, longitude: parsed.data.lon });
  return district ? answer(200, { district }) : answer(404, { error: "no postcode district near this position" });
}
