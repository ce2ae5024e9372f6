// ORUK 3.0: GET /api/taxonomy_terms (app/oruk/endpoints.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listTaxonomyTerms, methodNotAllowed } from "~/oruk/endpoints.server";

export const loader = ({ request }: LoaderFunctionArgs) => listTaxonomyTerms(request);
export const action = methodNotAllowed;
