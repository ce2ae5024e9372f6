// Ajv validators for the ORUK 3.0 UK profile's schemas (tests/fixtures/oruk-3.0, and the Page
// schema from the OpenAPI document the site serves). The profile says JSON Schema 2020-12; the
// schemas carry datapackage keys (constraints, core…), so strict mode is off.
import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import openapi from "~/oruk/openapi.json";
import { ROOT } from "../setup/constants";

const dir = path.join(ROOT, "tests/fixtures/oruk-3.0");
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// taxonomy.json refers to its terms by file name.
ajv.addSchema(read("taxonomy_term.json"), "taxonomy_term.json");

const pageOf = (items: object) => ({
  allOf: [openapi.components.schemas.Page],
  required: ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
  properties: { contents: { type: "array", items } },
});

export const validators = {
  service: ajv.compile(read("compiled/service.json")),
  serviceList: ajv.compile(pageOf(read("compiled/service_list.json"))),
  serviceAtLocation: ajv.compile(read("compiled/service_at_location.json")),
  serviceAtLocationList: ajv.compile(pageOf(read("compiled/service_at_location_list.json"))),
  taxonomy: ajv.compile(read("taxonomy.json")),
  taxonomyList: ajv.compile(pageOf(read("taxonomy.json"))),
  taxonomyTerm: ajv.compile({ $ref: "taxonomy_term.json" }),
  taxonomyTermList: ajv.compile(pageOf({ $ref: "taxonomy_term.json" })),
  root: ajv.compile({
    ...openapi.paths["/"].get.responses["200"].content["application/json"].schema,
    required: ["version", "profile", "openapi_url"],
  }),
};

/** The validator's errors as readable lines, for a failing expectation to show. */
export function problems(validate: keyof typeof validators, body: unknown): string[] {
  const v = validators[validate];
  return v(body) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
