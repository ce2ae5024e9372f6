// The OpenAPI document of the ORUK 3.0 profile this API follows, with this site's address as its server.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, openApiDocument } from "~/oruk/endpoints.server";

export const loader = ({ request }: LoaderFunctionArgs) => openApiDocument(request);
export const action = methodNotAllowed;
