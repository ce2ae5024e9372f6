// ORUK 3.0: GET /api/services/{id} (app/oruk/endpoints.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getService, methodNotAllowed } from "~/oruk/endpoints.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => getService(request, params.id);
export const action = methodNotAllowed;
