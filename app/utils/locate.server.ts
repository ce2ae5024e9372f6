// The query of GET /locate (routes/locate.ts): a position roughly inside the United Kingdom.
import { z } from "zod";

export const LocateQuerySchema = z.object({
  lat: z.coerce.number().min(49.8).max(60.9),
  lon: z.coerce.number().min(-8.7).max(1.8),
});
