// The limits themselves (counted in the test's SQLite file) and how a request becomes a key.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../db/connection";
import { getDb } from "~/utils/db.server";
import { allow, ANONYMOUS, clientKey, resetRateLimits } from "~/utils/rate-limit.server";

const other = openDatabase(process.env.DATABASE_PATH!);
afterAll(() => other.$client.close());
beforeEach(() => resetRateLimits());

function request(forwardedFor?: string) {
  return new Request("http://localhost/", { headers: forwardedFor ? { "X-Forwarded-For": forwardedFor } : {} });
}

describe("allow", () => {
  it("lets a client make its quota of attempts per window, then refuses until the window ends", () => {
    const t0 = 1_000_000;
    const results = Array.from({ length: 4 }, () => allow("test", "ip:198.51.100.1", 3, 60_000, t0));
    expect(results).toEqual([true, true, true, false]);
    expect(allow("test", "ip:198.51.100.2", 3, 60_000, t0)).toBe(true);
    expect(allow("test", "ip:198.51.100.1", 3, 60_000, t0 + 59_999)).toBe(false);
    expect(allow("test", "ip:198.51.100.1", 3, 60_000, t0 + 60_000)).toBe(true);
    expect(allow("test", "ip:198.51.100.1", 3, 60_000, t0 + 60_000)).toBe(true);
  });

  it("keeps purposes apart", () => {
    const t0 = 1_500_000;
    for (let i = 0; i < 3; i++) allow("one", "ip:198.51.100.3", 3, 60_000, t0);
    expect(allow("one", "ip:198.51.100.3", 3, 60_000, t0)).toBe(false);
    expect(allow("two", "ip:198.51.100.3", 3, 60_000, t0)).toBe(true);
  });

  it("gives the key shared by anonymous requests ten times the quota", () => {
    const t0 = 2_000_000;
    const results = Array.from({ length: 31 }, () => allow("shared", ANONYMOUS, 3, 60_000, t0));
    expect(results.filter(Boolean)).toHaveLength(30);
  });

  it("shares the counts between two connections to the same database file", () => {
    const t0 = Date.now();
    expect(allow("shared-file", "ip:203.0.113.1", 4, 60_000, t0, getDb())).toBe(true);
    expect(allow("shared-file", "ip:203.0.113.1", 4, 60_000, t0, other)).toBe(true);
    expect(allow("shared-file", "ip:203.0.113.1", 4, 60_000, t0, getDb())).toBe(true);
    expect(allow("shared-file", "ip:203.0.113.1", 4, 60_000, t0, other)).toBe(true);
    expect(allow("shared-file", "ip:203.0.113.1", 4, 60_000, t0, getDb())).toBe(false);
    expect(allow("shared-file", "ip:203.0.113.1", 4, 60_000, t0, other)).toBe(false);
  });

  it("stores neither the address nor the email in clear", () => {
    const t0 = Date.now();
    allow("clear", "ip:203.0.113.77", 4, 60_000, t0);
    allow("clear", "account:someone@example.org", 4, 60_000, t0);
    const rows = getDb().$client.prepare("SELECT key FROM rate_limits WHERE purpose = 'clear'").all() as { key: string }[];
    expect(rows).toHaveLength(2);
    for (const { key } of rows) {
      expect(key).not.toMatch(/203\.0\.113|someone|example/);
      expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it("deletes rows whose window has ended, now and then", () => {
    const t0 = 10_000_000;
    allow("sweep", "ip:203.0.113.10", 4, 60_000, t0);
    allow("sweep", "ip:203.0.113.11", 4, 60_000, t0 + 30_000);
    const count = () => (getDb().$client.prepare("SELECT COUNT(*) AS n FROM rate_limits WHERE purpose = 'sweep'").get() as { n: number }).n;
    expect(count()).toBe(2);
    allow("sweep", "ip:203.0.113.12", 4, 60_000, t0 + 61_000);
    // The first window has ended; the second has not.
    expect(count()).toBe(2);
    expect(allow("sweep", "ip:203.0.113.11", 1, 60_000, t0 + 61_000)).toBe(false);
  });

  it("resetRateLimits empties the table", () => {
    allow("reset", "ip:203.0.113.20", 1, 60_000);
    expect(allow("reset", "ip:203.0.113.20", 1, 60_000)).toBe(false);
    resetRateLimits();
    expect(allow("reset", "ip:203.0.113.20", 1, 60_000)).toBe(true);
  });
});

describe("clientKey", () => {
  it("with one trusted proxy takes the rightmost X-Forwarded-For entry, not the client-written ones", () => {
    expect(clientKey(request("192.0.2.1"), {}, 1)).toBe("ip:192.0.2.1");
    expect(clientKey(request("6.6.6.6, 192.0.2.1"), {}, 1)).toBe("ip:192.0.2.1");
    expect(clientKey(request("1.1.1.1, 2.2.2.2 , 192.0.2.1"), {}, 1)).toBe("ip:192.0.2.1");
  });

  it("with two trusted proxies takes the second entry from the right", () => {
    expect(clientKey(request("6.6.6.6, 192.0.2.1, 10.0.0.2"), {}, 2)).toBe("ip:192.0.2.1");
    // A shorter chain than configured: every entry was written by one of our proxies.
    expect(clientKey(request("192.0.2.1"), {}, 2)).toBe("ip:192.0.2.1");
  });

  it("without a trusted proxy ignores X-Forwarded-For and uses the socket address from the load context", () => {
    expect(clientKey(request("6.6.6.6"), { remoteAddress: "192.0.2.5" }, 0)).toBe("ip:192.0.2.5");
    expect(clientKey(request(), { remoteAddress: "::ffff:192.0.2.5" }, 0)).toBe("ip:192.0.2.5");
    expect(clientKey(request(), { remoteAddress: "2001:DB8::1" }, 0)).toBe("ip:2001:db8:0:0::/64");
  });

  it("counts an IPv6 client by its /64, which it can pick addresses from at will", () => {
    const key = "ip:2001:db8:aa:bb::/64";
    for (const address of ["2001:db8:aa:bb::1", "2001:0db8:00aa:00bb:1234:5678:9abc:def0", "2001:db8:aa:bb:ffff::1.2.3.4"])
      expect(clientKey(request(address), {}, 1)).toBe(key);
    expect(clientKey(request("2001:db8:aa:bc::1"), {}, 1)).not.toBe(key);
    expect(clientKey(request("::1"), {}, 1)).toBe("ip:0:0:0:0::/64");
    expect(clientKey(request("fe80::1%eth0"), {}, 1)).toBe("ip:fe80:0:0:0::/64");
  });

  it("is anonymous only when there is no address at all", () => {
    expect(clientKey(request("6.6.6.6"), {}, 0)).toBe(ANONYMOUS);
    expect(clientKey(request(), undefined, 0)).toBe(ANONYMOUS);
    expect(clientKey(request(), {}, 1)).toBe(ANONYMOUS);
    expect(clientKey(request(), { remoteAddress: "192.0.2.6" }, 1)).toBe("ip:192.0.2.6");
    expect(clientKey(request("unknown"), {}, 1)).toBe(ANONYMOUS);
  });

  it("drops a port the proxy appended", () => {
    expect(clientKey(request("192.0.2.7:51234"), {}, 1)).toBe("ip:192.0.2.7");
    expect(clientKey(request("[2001:db8::7]:443"), {}, 1)).toBe("ip:2001:db8:0:0::/64");
  });
});

describe("TRUST_PROXY", () => {
  async function parse(value: string | undefined) {
    vi.resetModules();
    const saved = process.env.TRUST_PROXY;
    if (value === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = value;
    try {
      const { env } = await import("~/utils/env.server");
      return env().TRUST_PROXY;
    } finally {
      process.env.TRUST_PROXY = saved;
      vi.resetModules();
    }
  }

  it("is a number of proxy hops; true and false mean 1 and 0", async () => {
    expect(await parse(undefined)).toBe(0);
    expect(await parse("false")).toBe(0);
    expect(await parse("0")).toBe(0);
    expect(await parse("true")).toBe(1);
    expect(await parse("TRUE")).toBe(1);
    expect(await parse("1")).toBe(1);
    expect(await parse("2")).toBe(2);
    await expect(parse("maybe")).rejects.toThrow(/TRUST_PROXY/);
    await expect(parse("-1")).rejects.toThrow(/TRUST_PROXY/);
  });
});
