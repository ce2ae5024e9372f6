// The nine endpoints of the ORUK 3.0 read API, each a function of the request (the routes under
// app/routes/api.* only call these).
import { isUuid, serviceAtLocationUuid, TAXONOMIES, type TaxonomyKey } from "~/domain/oruk-ids";
import { parsePostcode } from "~/domain/postcode";
import { locatePostcode } from "~/models/geography.server";
import { serviceAtLocationFull, serviceAtLocationListItem, serviceFull, serviceListItem } from "~/oruk/map";
import {
  byDistance,
  LOCATION_PARAMS,
  LocationQuerySchema,
  matches,
  page,
  PAGING_PARAMS,
  parseQuery,
  SERVICE_PARAMS,
  ServiceQuerySchema,
} from "~/oruk/query";
import openapi from "~/oruk/openapi.json";
import { api, apiError, apiJson, labels, latest } from "~/oruk/respond.server";
import { allTerms, taxonomy, TAXONOMY_KEYS } from "~/oruk/taxonomies";

export const ORUK_VERSION = "3.0";
export const ORUK_PROFILE = "https://openreferraluk.org/";

export function apiRoot(request: Request) {
  return api(request, () => {
    if (new URL(request.url).search) return apiError(400, "this endpoint takes no parameters");
    const site = labels().siteUrl;
    return apiJson(request, { version: ORUK_VERSION, profile: ORUK_PROFILE, openapi_url: `${site}/api/openapi.json` });
  });
}

export function listServices(request: Request) {
  return api(request, (_db, records) => {
    const q = parseQuery(ServiceQuerySchema, new URL(request.url).searchParams, SERVICE_PARAMS);
    if (typeof q === "string") return apiError(400, q);
    const found = records().filter((r) => matches(r, q));
    const l = labels();
    return apiJson(
      request,
      page(found, q, (r) => serviceListItem(r, l)),
      latest(found),
    );
  });
}

export function getService(request: Request, id: string | undefined) {
  return api(request, (_db, records) => {
    if (!id || !isUuid(id)) return apiError(404, "no service has this id (ids are UUIDs)");
    const [r] = records(id);
    if (!r) return apiError(404, `no service has the id ${id}`);
    return apiJson(request, serviceFull(r, labels()), latest([r]));
  });
}

export function listServiceAtLocations(request: Request) {
  return api(request, (db, records) => {
    const q = parseQuery(LocationQuerySchema, new URL(request.url).searchParams, LOCATION_PARAMS);
    if (typeof q === "string") return apiError(400, q);
    if (q.proximity !== undefined && q.postcode === undefined) return apiError(400, "proximity needs a postcode to measure from");
    let found = records().filter((r) => matches(r, q));
    if (q.postcode !== undefined) {
      const parsed = parsePostcode(q.postcode);
      if (!parsed) return apiError(400, `postcode ${q.postcode} is not a UK postcode`);
      const origin = locatePostcode(db, parsed);
      if (!origin) return apiError(400, `postcode ${q.postcode} was not found`);
      found = byDistance(found, origin, q.proximity);
    }
    const l = labels();
    return apiJson(
      request,
      page(found, q, (r) => serviceAtLocationListItem(r, l)),
      latest(found),
    );
  });
}

export function getServiceAtLocation(request: Request, id: string | undefined) {
  return api(request, (_db, records) => {
    if (!id || !isUuid(id)) return apiError(404, "no service at location has this id (ids are UUIDs)");
    const r = records().find((s) => serviceAtLocationUuid(s.id) === id);
    if (!r) return apiError(404, `no service at location has the id ${id}`);
    return apiJson(request, serviceAtLocationFull(r, labels()), latest([r]));
  });
}

export function listTaxonomies(request: Request) {
  return api(request, () => {
    const q = parseQuery(ServiceQuerySchema.pick({ page: true, per_page: true }), new URL(request.url).searchParams, PAGING_PARAMS);
    if (typeof q === "string") return apiError(400, q);
    const l = labels();
    return apiJson(
      request,
      page(TAXONOMY_KEYS, q, (key) => taxonomy(l, key, false)),
    );
  });
}

export function getTaxonomy(request: Request, id: string | undefined) {
  return api(request, () => {
    const key = (Object.keys(TAXONOMIES) as TaxonomyKey[]).find((k) => TAXONOMIES[k] === id);
    if (!key) return apiError(404, `no taxonomy has the id ${id ?? ""}`);
    return apiJson(request, taxonomy(labels(), key, true));
  });
}

export function listTaxonomyTerms(request: Request) {
  return api(request, () => {
    const q = parseQuery(ServiceQuerySchema.pick({ page: true, per_page: true }), new URL(request.url).searchParams, PAGING_PARAMS);
    if (typeof q === "string") return apiError(400, q);
    return apiJson(
      request,
      page(allTerms(labels()), q, (term) => term),
    );
  });
}

export function getTaxonomyTerm(request: Request, id: string | undefined) {
  return api(request, () => {
    const term = allTerms(labels()).find((t) => t.id === id);
    if (!term) return apiError(404, `no taxonomy term has the id ${id ?? ""}`);
    return apiJson(request, term);
  });
}

export { apiError };

export const methodNotAllowed = () => apiError(405, "only GET is supported");

export function openApiDocument(request: Request) {
  return api(request, () => apiJson(request, { ...openapi, servers: [{ url: `${labels().siteUrl}/api` }] }));
}
