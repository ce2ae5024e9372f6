// ORUK 3.0: GET /api/taxonomies/{id} (app/oruk/endpoints.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTaxonomy, methodNotAllowed } from "~/oruk/endpoints.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => getTaxonomy(request, params.id);
export const action = methodNotAllowed;
