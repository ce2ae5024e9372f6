// ORUK 3.0: GET /api/taxonomies (app/oruk/endpoints.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listTaxonomies, methodNotAllowed } from "~/oruk/endpoints.server";

export const loader = ({ request }: LoaderFunctionArgs) => listTaxonomies(request);
export const action = methodNotAllowed;
