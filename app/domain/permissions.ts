// Who may do what: the README's role table as code. Staff loaders and actions ask here through
// requireStaff (app/auth/guards.server.ts), models scope their queries by it, and the role × route
// test reads its expectations from it.
import type { Role } from "../../db/schema";

export type StaffUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** Venues this person works at; admins work everywhere (empty list, see worksAt). */
  venueIds: number[];
};
/** Enough of a person to decide what they may see. */
export type Viewer = Pick<StaffUser, "id" | "role" | "venueIds">;
/** Enough of a person to record who made a change. */
export type Actor = Pick<StaffUser, "id">;

/**
 * What a role may do beyond what every signed-in person may (search, share, book on a family's
 * behalf, signpost, ask a hub to contact a family). Hub work is at the person's own hubs only,
 * except for administrators (see worksAt).
 */
export type Permission =
  | "timetable" // series, dates, cancelling and reinstating
  | "register" // marking attendance and walk-ins, printing and downloading
  | "outbox" // the messages sent about bookings
  | "closures" // hub closure days
  | "accounts" // staff accounts (hub managers: hub staff at their own hubs)
  | "term-dates"
  | "audit"
  | "feeds" // the Open Referral feeds imported on a timer, and their last run
  | "connection-inbox" // receive requests to contact a family
  | "age-override" // book a child outside a session's age range, on a family's behalf
  | "reports" // /staff/reports: admins every hub, hub people their own hubs, outreach their own signposts and requests
  | "feedback" // read, filter, tag and hide families' feedback
  | "you-said-we-did"; // publish "you said, we did" and edit the hub's feedback themes

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    "timetable",
    "register",
    "outbox",
    "closures",
    "accounts",
    "term-dates",
    "audit",
    "age-override",
    "feeds",
    "reports",
    "feedback",
    "you-said-we-did",
  ],
  "hub-manager": [
    "timetable",
    "register",
    "outbox",
    "closures",
    "accounts",
    "connection-inbox",
    "age-override",
    "reports",
    "feedback",
    "you-said-we-did",
  ],
  "hub-staff": ["timetable", "register", "outbox", "connection-inbox", "age-override", "reports", "feedback"],
  outreach: ["reports"],
};

export const ROLES_IN_ORDER = Object.keys(ROLE_PERMISSIONS) as Role[];

export function may(user: Pick<StaffUser, "role">, permission: Permission): boolean {
  return ROLE_PERMISSIONS[user.role].includes(permission);
}

/** The roles that have a permission, for the role × route test. */
export function rolesThatMay(permission: Permission): Role[] {
  return ROLES_IN_ORDER.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Admins work at every venue; everyone else at the venues they are assigned to. */
export function worksAt(user: Pick<StaffUser, "role" | "venueIds">, venueId: number): boolean {
  return user.role === "admin" || user.venueIds.includes(venueId);
}

/**
 * Admins manage everyone. Hub managers manage hub staff whose hubs are all among their own (and
 * who have at least one hub); nobody else manages accounts.
 */
export function canManage(actor: Viewer, target: { role: Role; venueIds: number[] }) {
  if (actor.role === "admin") return true;
  if (actor.role !== "hub-manager") return false;
  return target.role === "hub-staff" && target.venueIds.length > 0 && target.venueIds.every((v) => actor.venueIds.includes(v));
}

/** The roles this person may give. */
export function assignableRoles(actor: Viewer): Role[] {
  return actor.role === "admin" ? [...ROLES_IN_ORDER] : actor.role === "hub-manager" ? ["hub-staff"] : [];
}

type ConnectionRef = { fromUserId: number; venueId: number };

/** Hub managers and hub staff of the receiving hub. Outreach workers at a hub do not get its inbox. */
export function isReceivingHub(user: Viewer, venueId: number): boolean {
  return may(user, "connection-inbox") && user.venueIds.includes(venueId);
}

/**
 * May this person know the request exists? The sender, the receiving hub, and administrators.
 * Everyone else gets a 404, so that a request's existence is not revealed.
 */
export function canSeeConnection(user: Viewer, request: ConnectionRef): boolean {
  return request.fromUserId === user.id || isReceivingHub(user, request.venueId) || user.role === "admin";
}

/**
 * May this person see the family's details (name, contact details, what they need)? Only the
 * sender and the receiving hub. Administrators see the status only: they run the service but are
 * not part of the family's referral, and the family agreed to share with the hub, not with them.
 */
export function canSeeConnectionDetails(user: Viewer, request: ConnectionRef): boolean {
  return request.fromUserId === user.id || isReceivingHub(user, request.venueId);
}

/** Accept, decline, mark contacted: the receiving hub only. */
export function canHandleConnection(user: Viewer, request: ConnectionRef): boolean {
  return isReceivingHub(user, request.venueId);
}
