// A series as Open Referral UK 3.0 objects: a service, its schedules, its service-at-location and
// location. Optional fields with no value are left out (never null, "" or []), as the profile asks.
import { addressUuid, organizationUuid, partUuid, scheduleUuid, serviceAtLocationUuid, termUuid } from "~/domain/oruk-ids";
import type { OrukRecord } from "~/oruk/records.server";
import { type Labels, seriesTermSlugs, taxonomyTerm } from "~/oruk/taxonomies";

export const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

type Json = Record<string, unknown>;

/** Drops undefined, null, "" and [] so that absent values are absent, not empty. */
function compact<T extends Json>(object: T): T {
  const out: Json = {};
  for (const [k, v] of Object.entries(object)) {
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}

/** Whole years: the youngest age in years a child may be, and the oldest. */
export function agesInYears(r: Pick<OrukRecord, "ageMinMonths" | "ageMaxMonths" | "forPregnancy">) {
  if (r.ageMinMonths === null && r.ageMaxMonths === null) return { minimum_age: undefined, maximum_age: undefined };
  return {
    minimum_age: Math.floor((r.ageMinMonths ?? 0) / 12),
    maximum_age: r.ageMaxMonths === null ? undefined : Math.floor(r.ageMaxMonths / 12),
  };
}

function organization(r: OrukRecord) {
  return {
    id: organizationUuid(r.localAuthority.slug),
    name: r.localAuthority.name,
    description: `Family Hubs and their sessions in ${r.localAuthority.name}.`,
  };
}

/** One schedule per term for a term-time series (so the dates are exact), else one. */
export function schedules(r: OrukRecord) {
  const base = {
    service_id: r.id,
    opens_at: r.startTime,
    closes_at: r.endTime,
    attending_type: r.venue.kind === "online" ? "online" : "in person",
  };
  if (r.weekdays.length === 0) {
    return [
      compact({
        id: scheduleUuid(r.id, r.startDate),
        ...base,
        dtstart: r.startDate,
        valid_from: r.startDate,
        valid_to: r.startDate,
        description: "One date only.",
      }),
    ];
  }
  const weekly = { freq: "WEEKLY", interval: 1, byday: r.weekdays.map((d) => BYDAY[d - 1]).join(",") };
  const windows = r.termTimeOnly
    ? r.terms
        .filter((t) => t.endDate >= r.startDate && (r.endDate === null || t.startDate <= r.endDate))
        .map((t) => ({
          from: t.startDate > r.startDate ? t.startDate : r.startDate,
          to: r.endDate !== null && r.endDate < t.endDate ? r.endDate : t.endDate,
        }))
    : [{ from: r.startDate, to: r.endDate }];
  if (windows.length === 0) windows.push({ from: r.startDate, to: r.endDate });
  return windows.map((w) =>
    compact({
      id: scheduleUuid(r.id, w.from),
      ...base,
      ...weekly,
      dtstart: w.from,
      valid_from: w.from,
      valid_to: w.to ?? undefined,
      description: r.termTimeOnly ? "Term time only." : undefined,
    }),
  );
}

function locationFields(r: OrukRecord) {
  const v = r.venue;
  return compact({
    id: v.id,
    location_type: v.kind === "online" ? "virtual" : "physical",
    name: v.name,
    description: v.description,
    latitude: v.latitude ?? undefined,
    longitude: v.longitude ?? undefined,
  });
}

function fullLocation(r: OrukRecord) {
  const v = r.venue;
  const address =
    v.kind === "online" || !v.postcode
      ? []
      : [
          compact({
            id: addressUuid(v.id),
            location_id: v.id,
            address_1: v.addressLine1 || v.name,
            address_2: v.addressLine2,
            city: v.town || r.localityName,
            state_province: r.localAuthority.name,
            postal_code: v.postcode,
            country: "GB",
            address_type: "physical",
          }),
        ];
  return compact({ ...locationFields(r), addresses: address });
}

function serviceFields(r: OrukRecord, labels: Labels) {
  return compact({
    id: r.id,
    organization_id: organizationUuid(r.localAuthority.slug),
    name: r.title,
    description: r.description,
    url: `${labels.siteUrl}/sessions/${r.seriesId}`,
    email: r.venue.email,
    status: r.active ? "active" : "inactive",
    ...agesInYears(r),
    last_modified: r.updatedAt,
  });
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

function extras(r: OrukRecord, labels: Labels) {
  const terms = seriesTermSlugs(r);
  return {
    schedules: schedules(r),
    languages: r.languages.map((code) => ({
      id: partUuid(r.id, `language:${code}`),
      service_id: r.id,
      name: languageNames.of(code) ?? code,
      code,
    })),
    cost_options: [
      compact({
        id: partUuid(r.id, "cost"),
        service_id: r.id,
        option: r.costPence === 0 ? "Free" : "Per session",
        amount: r.costPence / 100,
        currency: "GBP",
        amount_description: r.costNotes,
      }),
    ],
    contacts:
      r.venue.phone || r.venue.email
        ? [
            compact({
              id: partUuid(r.id, "contact"),
              service_id: r.id,
              name: r.venue.name,
              email: r.venue.email,
              phones: r.venue.phone ? [{ id: partUuid(r.id, "phone"), contact_id: partUuid(r.id, "contact"), number: r.venue.phone }] : [],
            }),
          ]
        : [],
    attributes: terms.map(({ taxonomy, slug }) => ({
      id: partUuid(r.id, `attribute:${taxonomy}:${slug}`),
      link_id: r.id,
      link_type: "service",
      link_entity: "service",
      taxonomy_term_id: termUuid(taxonomy, slug),
      taxonomy_term: taxonomyTerm(labels, taxonomy, slug),
    })),
    // Not in the UK profile's service, but in HSDS 3.0: capacity and how to book, so an importer
    // (ours included) can offer the same places.
    capacities: [{ id: partUuid(r.id, "capacity"), service_id: r.id, available: r.capacity, maximum: r.capacity, unit: { name: "places" } }],
    booking_mode: r.bookingMode,
  };
}

/** A list item: one-to-one fields only. */
export function serviceListItem(r: OrukRecord, labels: Labels) {
  return { ...serviceFields(r, labels), organization: organization(r) };
}

/** The fully nested service of /services/{id}. */
export function serviceFull(r: OrukRecord, labels: Labels) {
  const salId = serviceAtLocationUuid(r.id);
  return compact({
    ...serviceFields(r, labels),
    ...extras(r, labels),
    organization: organization(r),
    service_at_locations: [{ id: salId, service_id: r.id, location_id: r.venue.id, location: fullLocation(r) }],
  });
}

export function serviceAtLocationListItem(r: OrukRecord, labels: Labels) {
  return {
    id: serviceAtLocationUuid(r.id),
    service_id: r.id,
    location_id: r.venue.id,
    service: serviceListItem(r, labels),
    location: locationFields(r),
  };
}

export function serviceAtLocationFull(r: OrukRecord, labels: Labels) {
  return {
    id: serviceAtLocationUuid(r.id),
    service_id: r.id,
    location_id: r.venue.id,
    service: compact({ ...serviceFields(r, labels), ...extras(r, labels), organization: organization(r) }),
    location: fullLocation(r),
  };
}
