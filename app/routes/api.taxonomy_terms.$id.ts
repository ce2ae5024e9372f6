// ORUK 3.0: GET /api/taxonomy_terms/{id} (app/oruk/endpoints.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTaxonomyTerm, methodNotAllowed } from "~/oruk/endpoints.server";

export const loader = ({ request, params }: LoaderFunctionArgs) => getTaxonomyTerm(request, params.id);
export const action = methodNotAllowed;
