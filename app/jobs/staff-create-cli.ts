// npm run staff:create -- --email a@b.org --role admin [--name "Alex"] [--hub slug ...]
// Creates a staff account, e.g. the first administrator of a new installation. The password comes
// from STAFF_PASSWORD or is read as one line from standard input; it is never printed.
// Exit codes: 0 created, 1 could not create (e.g. the email is taken), 2 bad arguments.
import readline from "node:readline";
import { parseArgs } from "node:util";
import { inArray } from "drizzle-orm";
import { z } from "zod";
import { openDatabase } from "../../db/connection";
import { prepareDatabase } from "../../db/prepare";
import * as t from "../../db/schema";
import { createStaffUser } from "~/auth/sign-in.server";
import { londonDate } from "~/domain/dates";
import { audit } from "~/models/audit.server";
import { emailTaken, getManagedUser, isUniqueViolation } from "~/models/user.server";
import { env, now } from "~/utils/env.server";
import { PASSWORD_MIN } from "~/utils/user-form";

const USAGE =
  'Usage: npm run staff:create -- --email someone@example.org --role admin|hub-manager|hub-staff|outreach [--name "Full Name"] [--hub hub-slug ...]\n' +
  "Hubs are required unless the role is admin. The password is read from STAFF_PASSWORD, or from standard input.";

const ArgsSchema = z
  .object({
    email: z
      .string({ message: "--email is required" })
      .trim()
      .toLowerCase()
      .max(254, "--email is too long")
      .email("--email must be an email address"),
    role: z.enum(t.ROLES, { message: `--role must be one of ${t.ROLES.join(", ")}` }),
    name: z.string().trim().min(1, "--name must not be empty").max(100, "--name must be 100 characters or fewer").optional(),
    hub: z.array(z.string().regex(/^[a-z0-9-]{1,80}$/, "--hub must be a hub's slug, like erdington-family-hub")).default([]),
  })
  .superRefine((a, ctx) => {
    if (a.role !== "admin" && a.hub.length === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["hub"], message: `--hub is required for the ${a.role} role` });
    }
    if (a.role === "admin" && a.hub.length > 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["hub"], message: "administrators work at every hub: leave out --hub" });
    }
  });

function fail(message: string, code: 1 | 2): never {
  console.error(`staff:create: ${message}`);
  if (code === 2) console.error(USAGE);
  process.exit(code);
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.STAFF_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write(`Password for the new account (at least ${PASSWORD_MIN} characters): `);
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of rl) return line.replace(/\r$/, "");
    return "";
  } finally {
    rl.close();
  }
}

const OPTIONS = {
  email: { type: "string" },
  role: { type: "string" },
  name: { type: "string" },
  hub: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

async function main() {
  let raw: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>["values"];
  try {
    raw = parseArgs({ args: process.argv.slice(2), options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err), 2);
  }
  if (raw.help) {
    console.log(USAGE);
    return;
  }
  const parsed = ArgsSchema.safeParse({ email: raw.email, role: raw.role, name: raw.name, hub: raw.hub });
  if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join("; "), 2);
  const args = parsed.data;

  const config = env();
  const db = openDatabase(config.DATABASE_PATH);
  // The same first-run preparation as the server, so hubs named by --hub exist in a new demo.
  prepareDatabase(db, { demoData: config.DEMO_DATA, today: londonDate(now()) });

  const slugs = [...new Set(args.hub)];
  const venues = slugs.length
    ? db.select({ id: t.venues.id, slug: t.venues.slug }).from(t.venues).where(inArray(t.venues.slug, slugs)).all()
    : [];
  const unknown = slugs.filter((s) => !venues.some((v) => v.slug === s));
  if (unknown.length) fail(`no hub with the slug ${unknown.join(", ")}`, 2);
  if (emailTaken(db, args.email)) fail(`an account for ${args.email} already exists`, 1);

  const password = await readPassword();
  if (password.length < PASSWORD_MIN) fail(`the password must be at least ${PASSWORD_MIN} characters`, 2);
  if (password.length > 200) fail("the password must be 200 characters or fewer", 2);

  const name = args.name ?? args.email.split("@")[0];
  // One transaction for the account and its audit entry (createStaffUser nests inside it).
  db.$client.exec("BEGIN IMMEDIATE");
  let id: number;
  try {
    id = await createStaffUser(db, { email: args.email, name, password, role: args.role, venueIds: venues.map((v) => v.id) });
    const after = getManagedUser(db, id);
    audit(db, null, {
      action: "user.create.cli",
      entityType: "user",
      entityId: id,
      after: after && { email: after.email, name: after.name, role: after.role, active: after.active, venueIds: after.venueIds },
    });
    db.$client.exec("COMMIT");
  } catch (err) {
    db.$client.exec("ROLLBACK");
    if (isUniqueViolation(err)) fail(`an account for ${args.email} already exists`, 1);
    throw err;
  } finally {
    db.$client.close();
  }
  const where = args.role === "admin" ? "every hub" : slugs.join(", ");
  console.log(`Created ${args.role} account ${id} for ${name} <${args.email}> (${where}).`);
}

main().catch((err) => {
  console.error(`staff:create: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
