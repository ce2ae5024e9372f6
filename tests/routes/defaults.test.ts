// Safe defaults: the site address follows PORT, the staff cookie follows the site address,
// production refuses to run a real installation insecurely, and every connection syncs each
// commit to disk (synchronous=FULL).
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { TMP_DIR } from "../setup/constants";
import { PEOPLE } from "./staff-helpers";
import { signIn } from "~/auth/sign-in.server";
import { parseEnv } from "~/utils/env.server";
import { resetRateLimits } from "~/utils/rate-limit.server";
import { DEMO_PASSWORD } from "../../db/seed/demo-staff";

/** A real council's production settings, before the ones a test changes. */
const REAL = { NODE_ENV: "production", DEMO_DATA: "false", SECRET: "x".repeat(32) } as const;

describe("SITE_URL", () => {
  it("defaults to http://localhost on the default port", () => {
    expect(parseEnv({}).SITE_URL).toBe("http://localhost:3000");
  });

  it("defaults to http://localhost on PORT when PORT is set", () => {
    expect(parseEnv({ PORT: "3999" }).SITE_URL).toBe("http://localhost:3999");
    expect(parseEnv({ PORT: "3999", NODE_ENV: "production" }).SITE_URL).toBe("http://localhost:3999");
  });

  it("is kept as given when set (a proxy may serve it on another port)", () => {
    expect(parseEnv({ PORT: "3999", SITE_URL: "https://hubs.example.gov.uk" }).SITE_URL).toBe("https://hubs.example.gov.uk");
  });

  it("must be an http or https address", () => {
    expect(() => parseEnv({ SITE_URL: "ftp://hubs.example.gov.uk" })).toThrow(/SITE_URL must start with https:\/\/ or http:\/\//);
    expect(() => parseEnv({ SITE_URL: "hubs.example.gov.uk" })).toThrow(/Invalid environment: SITE_URL/);
  });
});

describe("COOKIE_SECURE", () => {
  it("is on when SITE_URL is https", () => {
    expect(parseEnv({ SITE_URL: "https://hubs.example.gov.uk" }).COOKIE_SECURE).toBe(true);
    expect(parseEnv({ ...REAL, SITE_URL: "https://hubs.example.gov.uk" }).COOKIE_SECURE).toBe(true);
  });

  it("is off on plain-HTTP local addresses, also in production (npm start, the restore drill)", () => {
    expect(parseEnv({}).COOKIE_SECURE).toBe(false);
    expect(parseEnv({ NODE_ENV: "production" }).COOKIE_SECURE).toBe(false);
    expect(parseEnv({ ...REAL, PORT: "3999" }).COOKIE_SECURE).toBe(false);
    for (const url of ["http://localhost:3000", "http://127.0.0.1:4000", "http://[::1]:3000", "http://hubs.localhost"]) {
      expect(parseEnv({ ...REAL, SITE_URL: url }).COOKIE_SECURE, url).toBe(false);
    }
  });

  it("can be set either way where that is safe", () => {
    expect(parseEnv({ SITE_URL: "http://localhost:3000", COOKIE_SECURE: "true" }).COOKIE_SECURE).toBe(true);
    expect(parseEnv({ SITE_URL: "https://hubs.example.gov.uk", COOKIE_SECURE: "false" }).COOKIE_SECURE).toBe(false);
  });

  it("leaves the sign-in cookie without Secure on this test run's http://localhost site", async () => {
    resetRateLimits();
    const result = await signIn(new Request("http://localhost/staff/sign-in", { method: "POST" }), PEOPLE.admin, DEMO_PASSWORD);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.cookie).toMatch(/^fh_staff=/);
    expect(result.cookie).toMatch(/HttpOnly/i);
    expect(result.cookie).not.toMatch(/Secure/i);
  });
});

describe("production refuses insecure settings for a real installation", () => {
  it("refuses a non-local http SITE_URL, saying what to do", () => {
    expect(() => parseEnv({ ...REAL, SITE_URL: "http://hubs.example.gov.uk" })).toThrow(
      "Invalid environment: SITE_URL must be https:// in production (it is http://hubs.example.gov.uk)",
    );
    expect(() => parseEnv({ ...REAL, SITE_URL: "http://192.168.1.20:3000" })).toThrow(/SITE_URL must be https:\/\/ in production/);
  });

  it("refuses COOKIE_SECURE=false on a non-local https site", () => {
    expect(() => parseEnv({ ...REAL, SITE_URL: "https://hubs.example.gov.uk", COOKIE_SECURE: "false" })).toThrow(
      "Invalid environment: COOKIE_SECURE=false is not allowed in production for hubs.example.gov.uk",
    );
  });

  it("allows the same settings for a demonstration, outside production, and on local addresses", () => {
    expect(parseEnv({ NODE_ENV: "production", DEMO_DATA: "true", SITE_URL: "http://demo.example.org" }).COOKIE_SECURE).toBe(false);
    expect(parseEnv({ NODE_ENV: "development", DEMO_DATA: "false", SITE_URL: "http://192.168.1.20:3000" }).SITE_URL).toBe(
      "http://192.168.1.20:3000",
    );
    expect(parseEnv({ ...REAL, SITE_URL: "http://127.0.0.1:3999", COOKIE_SECURE: "false" }).COOKIE_SECURE).toBe(false);
  });

  it("starts with a proper https address", () => {
    const config = parseEnv({ ...REAL, SITE_URL: "https://hubs.example.gov.uk/family-hubs" });
    expect(config.SITE_URL).toBe("https://hubs.example.gov.uk/family-hubs");
    expect(config.COOKIE_SECURE).toBe(true);
  });
});

describe("durability", () => {
  const file = path.join(TMP_DIR, `durability-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
  afterAll(() => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  });

  it("opens every connection in WAL mode with synchronous=FULL", () => {
    const db = openDatabase(file);
    try {
      expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
      // 2 = FULL (0 OFF, 1 NORMAL, 3 EXTRA).
      expect(db.$client.pragma("synchronous", { simple: true })).toBe(2);
    } finally {
      db.$client.close();
    }
  });
});
