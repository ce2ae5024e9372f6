// The role table written out as the README states it, so that a change to domain/permissions.ts
// is a deliberate change to both (the role × route test checks the routes follow the module).
import { describe, expect, it } from "vitest";
import { assignableRoles, canManage, may, type Permission, rolesThatMay, worksAt } from "~/domain/permissions";

const README_TABLE: Record<Permission, string[]> = {
  timetable: ["admin", "hub-manager", "hub-staff"],
  register: ["admin", "hub-manager", "hub-staff"],
  outbox: ["admin", "hub-manager", "hub-staff"],
  closures: ["admin", "hub-manager"],
  accounts: ["admin", "hub-manager"],
  "term-dates": ["admin"],
  audit: ["admin"],
  feeds: ["admin"],
  "connection-inbox": ["hub-manager", "hub-staff"],
  "age-override": ["admin", "hub-manager", "hub-staff"],
  // Everyone, each within their own scope (models/report-scope.server.ts, reportScope).
  reports: ["admin", "hub-manager", "hub-staff", "outreach"],
  feedback: ["admin", "hub-manager", "hub-staff"],
  "you-said-we-did": ["admin", "hub-manager"],
};

describe("permissions", () => {
  for (const [permission, roles] of Object.entries(README_TABLE)) {
    it(`${permission}: ${roles.join(", ")}`, () => {
      expect(rolesThatMay(permission as Permission)).toEqual(roles);
    });
  }

  it("outreach workers have none of the hub permissions", () => {
    for (const permission of Object.keys(README_TABLE) as Permission[])
      expect(may({ role: "outreach" }, permission)).toBe(permission === "reports");
  });

  it("admins work at every venue; others at their own", () => {
    expect(worksAt({ role: "admin", venueIds: [] }, 7)).toBe(true);
    expect(worksAt({ role: "hub-staff", venueIds: [3] }, 3)).toBe(true);
    expect(worksAt({ role: "hub-staff", venueIds: [3] }, 7)).toBe(false);
    expect(worksAt({ role: "hub-manager", venueIds: [] }, 7)).toBe(false);
  });

  it("hub managers manage only hub staff all of whose hubs are their own", () => {
    const manager = { id: 1, role: "hub-manager" as const, venueIds: [1, 2] };
    expect(canManage(manager, { role: "hub-staff", venueIds: [1] })).toBe(true);
    expect(canManage(manager, { role: "hub-staff", venueIds: [1, 3] })).toBe(false);
    expect(canManage(manager, { role: "hub-staff", venueIds: [] })).toBe(false);
    expect(canManage(manager, { role: "hub-manager", venueIds: [1] })).toBe(false);
    expect(assignableRoles(manager)).toEqual(["hub-staff"]);
    expect(assignableRoles({ id: 2, role: "admin", venueIds: [] })).toEqual(["admin", "hub-manager", "hub-staff", "outreach"]);
    expect(assignableRoles({ id: 3, role: "outreach", venueIds: [1] })).toEqual([]);
  });
});
