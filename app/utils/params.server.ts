// Route parameters (/sessions/:id, /hubs/:slug) are parsed the same way on every route. Schemas
// live in server modules so zod stays out of the browser bundle (docs/decisions/006).
import { z } from "zod";
import { isValidIsoDate, startOfWeek } from "~/domain/dates";

export const IdParamsSchema = z.object({ id: z.coerce.number().int().positive().max(2 ** 31) });
export const SlugParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/) });

/** ?week=YYYY-MM-DD (any day in the week) → that week's Monday; anything else → undefined. */
export const WeekParamSchema = z.string().refine(isValidIsoDate).transform(startOfWeek).optional().catch(undefined);
