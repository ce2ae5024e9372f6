// ORUK 3.0: GET /api (app/oruk/endpoints.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiRoot, methodNotAllowed } from "~/oruk/endpoints.server";

export const loader = ({ request }: LoaderFunctionArgs) => apiRoot(request);
export const action = methodNotAllowed;
