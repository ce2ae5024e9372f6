// ORUK 3.0: GET /api/service_at_locations (app/oruk/endpoints.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listServiceAtLocations, methodNotAllowed } from "~/oruk/endpoints.server";

export const loader = ({ request }: LoaderFunctionArgs) => listServiceAtLocations(request);
export const action = methodNotAllowed;
