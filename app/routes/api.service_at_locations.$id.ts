// ORUK 3.0: GET /api/service_at_locations/{id} (app/oruk/endpoints.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getServiceAtLocation, methodNotAllowed } from "~/oruk/endpoints.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => getServiceAtLocation(request, params.id);
export const action = methodNotAllowed;
