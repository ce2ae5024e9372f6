// The staff account forms, parsed with zod. Messages are translation keys in the "admin" namespace.
import { z } from "zod";
import * as t from "../../db/schema";

export const PASSWORD_MIN = 12;

const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

export const PasswordSchema = z
  .string({ message: "users.errors.passwordShort" })
  .min(PASSWORD_MIN, "users.errors.passwordShort")
  .max(200, "users.errors.passwordLong");

const UserFieldsSchema = z.object({
  name: z.preprocess(
    trimmed,
    z.string({ message: "users.errors.nameRequired" }).min(1, "users.errors.nameRequired").max(100, "users.errors.nameLong"),
  ),
  role: z.enum(t.ROLES, { message: "users.errors.role" }),
  hubs: z
    .array(z.string().regex(/^[1-9]\d{0,9}$/, "users.errors.hubUnknown"), { message: "users.errors.hubUnknown" })
    .max(200, "users.errors.hubUnknown")
    .transform((ids) => [...new Set(ids.map(Number))]),
});

export const NewUserSchema = UserFieldsSchema.extend({
  email: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z
      .string({ message: "users.errors.emailRequired" })
      .min(1, "users.errors.emailRequired")
      .max(254, "users.errors.email")
      .email("users.errors.email"),
  ),
  password: PasswordSchema,
});

export const EditUserSchema = UserFieldsSchema.extend({
  active: z
    .preprocess((v) => (v === undefined || v === "" ? "0" : v), z.enum(["0", "1"], { message: "users.errors.active" }))
    .transform((v) => v === "1"),
});

/** The form as an object, with every ticked hub. Values are kept to redisplay the form. */
export function userFormInput(form: FormData) {
  const single = (key: string) => {
    const v = form.get(key);
    return typeof v === "string" ? v : undefined;
  };
  const hubs = form.getAll("hubs").filter((v): v is string => typeof v === "string");
  const input = {
    name: single("name"),
    email: single("email"),
    role: single("role"),
    hubs,
    active: single("active"),
    password: single("password"),
  };
  const values = { name: input.name ?? "", email: input.email ?? "", role: input.role ?? "", hubs, active: input.active ?? "" };
  return { input, values };
}
