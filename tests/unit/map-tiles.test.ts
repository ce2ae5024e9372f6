// Issue 14: a fresh install fetches no third-party map tiles; a council configures a provider whose
// terms allow production use (README, "Map tiles"), and a malformed template stops the server.
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";

describe("MAP_TILE_URL", () => {
  it("is empty by default, so no tiles are fetched from anyone", () => {
    const config = parseEnv({});
    expect(config.MAP_TILE_URL).toBe("");
    expect(config.MAP_TILE_ATTRIBUTION).toBe("");
  });

  it("takes a provider's template", () => {
    const url = "https://api.os.uk/maps/raster/v1/zxy/Light_3857/{z}/{x}/{y}.png?key=abc";
    expect(parseEnv({ MAP_TILE_URL: url }).MAP_TILE_URL).toBe(url);
  });

  it("refuses a template that is not a URL or lacks {z}, {x} or {y}", () => {
    expect(() => parseEnv({ MAP_TILE_URL: "tiles/{z}/{x}/{y}.png" })).toThrow(/MAP_TILE_URL/);
    expect(() => parseEnv({ MAP_TILE_URL: "https://tiles.example.org/{z}/{x}.png" })).toThrow(/MAP_TILE_URL/);
  });
});
