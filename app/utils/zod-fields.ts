// Small zod building blocks shared by every form and query-string schema.
import { z } from "zod";

/** Empty form fields arrive as empty strings (or spaces): treat them as absent. */
export const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A field that may be left blank ("Any"): blank is undefined, anything else must pass `schema`. */
export const optionalField = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
