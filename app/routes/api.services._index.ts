// ORUK 3.0: GET /api/services (app/oruk/endpoints.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listServices, methodNotAllowed } from "~/oruk/endpoints.server";

export const loader = ({ request }: LoaderFunctionArgs) => listServices(request);
export const action = methodNotAllowed;
