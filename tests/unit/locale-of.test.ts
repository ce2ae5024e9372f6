// A request's language is worked out once (i18next.server's localeOf) and is the one remix-i18next
// would give it: from ?lng=, then the cookie, then Accept-Language.
import { describe, expect, it, vi } from "vitest";
import i18next, { localeCookie, localeOf } from "~/i18next.server";

const requests = async () => [
  new Request("http://localhost/hubs?lng=pl"),
  new Request("http://localhost/hubs", { headers: { Cookie: await localeCookie.serialize("ro") } }),
  new Request("http://localhost/hubs", { headers: { "Accept-Language": "bn-BD,bn;q=0.9,en;q=0.5" } }),
  new Request("http://localhost/hubs?lng=ar", { headers: { Cookie: await localeCookie.serialize("ro"), "Accept-Language": "ur" } }),
  new Request("http://localhost/hubs", { headers: { "Accept-Language": "fr" } }),
];

describe("localeOf", () => {
  it("answers as remix-i18next does for each request", async () => {
    for (const request of await requests()) expect(await localeOf(request)).toBe(await i18next.getLocale(request));
    expect(await Promise.all((await requests()).map(localeOf))).toEqual(["pl", "ro", "bn", "ar", "en"]);
  });

  it("asks remix-i18next once per request, however often it is asked", async () => {
    const spy = vi.spyOn(i18next, "getLocale");
    try {
      const [first, second] = await requests();
      await localeOf(first);
      await localeOf(first);
      await localeOf(first);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(await localeOf(second)).toBe("ro");
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });
});
