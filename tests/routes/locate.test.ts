// GET /locate: "use my location" becomes the nearest postcode district; bad input is a 400, never a 500.
import { describe, expect, it } from "vitest";
import { loader } from "~/routes/locate";

const locate = async (query: string) => {
  const res = await loader({ request: new Request(`http://localhost/locate?${query}`), params: {}, context: {} });
  return { status: res.status, body: await res.json(), cache: res.headers.get("Cache-Control") };
};

describe("GET /locate", () => {
  it("names the postcode district nearest the position, and is never cached", async () => {
    // Erdington, Birmingham.
    const near = await locate("lat=52.525&lon=-1.842");
    expect(near.status).toBe(200);
    expect(near.body.district).toBe("B23");
    expect(near.cache).toBe("no-store");
  });

  it("says 404 far out to sea, and 400 outside the UK or for rubbish", async () => {
    expect((await locate("lat=56.5&lon=1.5")).status).toBe(404);
    expect((await locate("lat=48.85&lon=2.35")).status).toBe(400);
    expect((await locate("lat=hello&lon=")).status).toBe(400);
    expect((await locate("")).status).toBe(400);
  });
});
