// Any other /api address: a JSON 404 (the site's own 404 is an HTML page).
import { apiError, methodNotAllowed } from "~/oruk/endpoints.server";

export const loader = () => apiError(404, "no such endpoint; see /api for the API and its OpenAPI document");
export const action = methodNotAllowed;
