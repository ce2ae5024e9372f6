// The Open Referral API's speed (issue: a page of 50 services well under 50 ms): each endpoint's
// loader run many times against the bench database, ids stored as the server's start-up does.
import { performance } from "node:perf_hooks";
import { ensureOrukIds } from "~/oruk/records.server";
import { loader as salList } from "~/routes/api.service_at_locations._index";
import { loader as serviceOne } from "~/routes/api.services.$id";
import { loader as serviceList } from "~/routes/api.services._index";
import { getDb } from "~/utils/db.server";

type Loader = typeof serviceList;

async function time(label: string, loader: Loader, path: string, params: Record<string, string> = {}) {
  const runs = 100;
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const response = await loader({ request: new Request(`http://localhost:3000${path}`), params, context: {} });
    bytes = (await response.text()).length;
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(2);
  console.log(`ORUK API ${label}: median ${at(0.5)} ms, p95 ${at(0.95)} ms (${(bytes / 1024).toFixed(0)} KB)`);
}

export async function measureOrukApi() {
  ensureOrukIds(getDb());
  await time("/services, page of 50", serviceList, "/api/services?per_page=50");
  await time("/services, last page of 50", serviceList, "/api/services?per_page=50&page=6");
  await time("/services filtered (term, day, start time)", serviceList, "/api/services?per_page=50&day=WE&start_time=10:00&minimum_age=0");
  const first = (await (await serviceList({ request: new Request("http://localhost:3000/api/services"), params: {}, context: {} })).json()) as {
    contents: { id: string }[];
  };
  const id = first.contents[0].id;
  await time("/services/{id}", serviceOne, `/api/services/${id}`, { id });
  await time(
    "/service_at_locations near B23 6SY within 5 km, page of 50",
    salList,
    "/api/service_at_locations?postcode=B23+6SY&proximity=5000&per_page=50",
  );
}
