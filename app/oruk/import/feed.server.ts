// Reading an Open Referral UK 3.0 feed: from an API base URL (read `/`, page through every page of
// /services, then each /services/{id}) or from a JSON file (one service, an array, or a page).
// Everything is parsed with zod before anything is written. A feed that is not ORUK throws a
// FeedError whose message is the one-line reason.
import fs from "node:fs";
import { z } from "zod";

export class FeedError extends Error {}

const text = z.string().trim();
const optionalText = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined));
const optionalNumber = z
  .union([z.number(), z.null()])
  .optional()
  .transform((v) => (typeof v === "number" && Number.isFinite(v) ? v : undefined));
const list = <T extends z.ZodTypeAny>(item: T) =>
  z
    .union([z.array(item), z.null()])
    .optional()
    .transform((v) => v ?? []);

const ScheduleSchema = z.object({
  id: optionalText,
  freq: optionalText,
  interval: optionalNumber,
  byday: optionalText,
  dtstart: optionalText,
  valid_from: optionalText,
  valid_to: optionalText,
  opens_at: optionalText,
  closes_at: optionalText,
  description: optionalText,
});
export type FeedSchedule = z.infer<typeof ScheduleSchema>;

const AddressSchema = z.object({
  address_1: optionalText,
  address_2: optionalText,
  city: optionalText,
  postal_code: optionalText,
});

const LocationSchema = z.object({
  id: text.min(1, "a location has no id"),
  location_type: optionalText,
  name: optionalText,
  description: optionalText,
  latitude: optionalNumber,
  longitude: optionalNumber,
  addresses: list(AddressSchema),
});

const TermSchema = z.object({ term: optionalText, name: optionalText, taxonomy: optionalText });

export const FeedServiceSchema = z.object({
  id: text.min(1, "a service has no id"),
  name: text.min(1, "a service has no name"),
  description: optionalText,
  email: optionalText,
  status: optionalText,
  minimum_age: optionalNumber,
  maximum_age: optionalNumber,
  schedules: list(ScheduleSchema),
  service_at_locations: list(z.object({ id: optionalText, location: LocationSchema.optional() })),
  languages: list(z.object({ code: optionalText, name: optionalText })),
  cost_options: list(z.object({ amount: optionalNumber, amount_description: optionalText })),
  contacts: list(z.object({ phones: list(z.object({ number: optionalText })) })),
  attributes: list(z.object({ taxonomy_term: TermSchema.optional() })),
  capacities: list(z.object({ maximum: optionalNumber, available: optionalNumber })),
  booking_mode: optionalText,
  organization: z.object({ id: optionalText, name: optionalText }).optional(),
});
export type FeedService = z.infer<typeof FeedServiceSchema>;

const PageSchema = z.object({
  total_pages: z.number().int().min(0),
  page_number: z.number().int().min(0).optional(),
  contents: z.array(z.unknown()),
});

function reason(error: z.ZodError, where: string): string {
  const issue = error.issues[0];
  return `${where}: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`;
}

export function parseServices(raw: unknown[], where: string): FeedService[] {
  return raw.map((item, i) => {
    const parsed = FeedServiceSchema.safeParse(item);
    if (!parsed.success) throw new FeedError(reason(parsed.error, `${where}, service ${i + 1}`));
    return parsed.data;
  });
}

/** A file's JSON: one service, an array of services, or a page of them. */
export function servicesFromJson(json: unknown, where: string): FeedService[] {
  if (Array.isArray(json)) return parseServices(json, where);
  if (json && typeof json === "object" && "contents" in json) {
    const page = PageSchema.safeParse(json);
    if (!page.success) throw new FeedError(reason(page.error, `${where} is not an ORUK page`));
    return parseServices(page.data.contents, where);
  }
  if (json && typeof json === "object" && "id" in json && "name" in json) return parseServices([json], where);
  throw new FeedError(`${where} is not ORUK: expected a service, an array of services or a page with "contents"`);
}

export function readFeedFile(file: string): FeedService[] {
  let textContent: string;
  try {
    textContent = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new FeedError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? "error"}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(textContent);
  } catch {
    throw new FeedError(`${file} is not JSON`);
  }
  return servicesFromJson(json, file);
}

const FETCH_TIMEOUT_MS = 20_000;
const MAX_PAGES = 1000;
const PER_PAGE = 100;

async function getJson(url: string): Promise<unknown> {
  let response: Response | undefined;
  // Twice: a kept-alive connection the server has just closed fails once with ECONNRESET.
  for (let attempt = 1; !response; attempt++) {
    try {
      response = await fetch(url, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      if (attempt >= 2 || cause !== "ECONNRESET") throw new FeedError(`${url} is unreachable${cause ? ` (${cause})` : ""}`);
    }
  }
  if (!response.ok) throw new FeedError(`${url} answered ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new FeedError(`${url} did not answer JSON`);
  }
}

const RootSchema = z.object({ version: z.string() });

/** Every service of an ORUK 3.0 API, fully nested. */
export async function readFeedUrl(base: string): Promise<FeedService[]> {
  const root = base.replace(/\/+$/, "");
  const info = RootSchema.safeParse(await getJson(`${root}/`));
  // The ORUK validator accepts these two; anything else is an older or another standard.
  if (!info.success || !["3.0", "HSDS-UK-3.0"].includes(info.data.version.trim())) {
    throw new FeedError(`${root}/ does not say it is ORUK 3.0 (its "version" should be "3.0")`);
  }
  const ids: string[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const url = `${root}/services?page=${page}&per_page=${PER_PAGE}`;
    const parsed = PageSchema.safeParse(await getJson(url));
    if (!parsed.success) throw new FeedError(reason(parsed.error, `${url} is not an ORUK page`));
    for (const item of parsed.data.contents) {
      const id = z.object({ id: text.min(1) }).safeParse(item);
      if (!id.success) throw new FeedError(`${url}: a service in the list has no id`);
      ids.push(id.data.id);
    }
    if (page >= parsed.data.total_pages || parsed.data.contents.length === 0) break;
  }
  const services: unknown[] = [];
  for (const id of ids) services.push(await getJson(`${root}/services/${encodeURIComponent(id)}`));
  return parseServices(services, root);
}

export function isUrlSource(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function readFeed(source: string): Promise<FeedService[]> {
  return isUrlSource(source) ? readFeedUrl(source) : readFeedFile(source);
}
