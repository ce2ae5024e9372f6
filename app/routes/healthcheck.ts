import { getDb } from "~/utils/db.server";

// For load balancers: answers 200 only when the database can be read.
export async function loader() {
  getDb().$client.prepare("SELECT 1").get();
  return new Response("OK", { headers: { "Cache-Control": "no-store" } });
}
