// The shared instances keep each answer they have worked out (app/utils/translate.server.ts):
// a kept answer must be exactly what i18next would say afresh, for every key, plural and value.
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import i18n, { NAMESPACES, OFFERED_LANGUAGES } from "~/i18n";
import { resources } from "~/i18next.server";
import { answerId, i18nFor, onceTranslatorFor } from "~/utils/translate.server";

function fresh(lng: string) {
  const instance = createInstance();
  instance.init({ ...i18n, lng, ns: [...NAMESPACES], resources, initImmediate: false });
  return instance;
}

describe("remembered translations", () => {
  it.each(OFFERED_LANGUAGES)("answer in %s as i18next does afresh, asked twice, through fixed translators too", (lng) => {
    const shared = i18nFor(lng);
    const plain = fresh(lng);
    const t = shared.getFixedT(lng, ["common", "search"]);
    const u = plain.getFixedT(lng, ["common", "search"]);
    for (let round = 0; round < 2; round++) {
      // Plural forms differ by count (Polish and Arabic have several): each count its own answer.
      for (const count of [0, 1, 2, 3, 5, 11, 22, 101]) expect(t("session.placesLeft", { count })).toBe(u("session.placesLeft", { count }));
      expect(t("session.milesUnder", { formatted: "0.1" })).toBe(u("session.milesUnder", { formatted: "0.1" }));
      expect(t("session.milesUnder", { formatted: "0.5" })).toBe(u("session.milesUnder", { formatted: "0.5" }));
      expect(t("layout.serviceName")).toBe(u("layout.serviceName"));
      expect(t("search:results.title")).toBe(u("search:results.title"));
      expect(t("no.such.key")).toBe(u("no.such.key"));
    }
  });

  it("are kept per language: one language's answer never reaches another", () => {
    expect(i18nFor("pl").t("session.full", { ns: "common" })).toBe(fresh("pl").t("session.full", { ns: "common" }));
    expect(i18nFor("en").t("session.full", { ns: "common" })).toBe(fresh("en").t("session.full", { ns: "common" }));
    expect(i18nFor("pl").t("session.full", { ns: "common" })).not.toBe(i18nFor("en").t("session.full", { ns: "common" }));
  });

  it.each(OFFERED_LANGUAGES)("answer in %s a key alone as i18next does afresh, per namespace and prefix", (lng) => {
    const shared = i18nFor(lng);
    const plain = fresh(lng);
    for (let round = 0; round < 2; round++) {
      // The same keys in different namespaces and under a prefix: each scope its own answers.
      for (const [scopeLng, ns, prefix] of [
        [null, "booking", undefined],
        [null, "venue", undefined],
        [lng, ["common", "booking"], undefined],
        [null, "booking", "form"],
        [null, "booking", "errors"],
        // Scopes that look alike must stay apart: another language than the instance's, a list
        // of one namespace.
        [lng === "ur" ? "pl" : "ur", "booking", undefined],
        [null, ["booking"], "form"],
      ] as const) {
        const t = shared.getFixedT(scopeLng, ns as string | string[], prefix);
        const u = plain.getFixedT(scopeLng, ns as string | string[], prefix);
        for (const key of ["form.back", "back", "form.title", "errors.name", "name", "layout.serviceName", "common:layout.serviceName"]) {
          expect(t(key)).toBe(u(key));
        }
        expect(t("form.title", { title: "Stay" })).toBe(u("form.title", { title: "Stay" }));
        expect(t("form.title", { title: "Play" })).toBe(u("form.title", { title: "Play" }));
        // Options that step outside the translator's own scope: another namespace, another language.
        expect(t("session.full", { ns: "common" })).toBe(u("session.full", { ns: "common" }));
        expect(t("layout.serviceName", { ns: "common", lng: "ur" })).toBe(u("layout.serviceName", { ns: "common", lng: "ur" }));
        expect(t("session.placesLeft", { ns: "common", count: 2 })).toBe(u("session.placesLeft", { ns: "common", count: 2 }));
      }
    }
    expect(shared.getFixedT(null, "booking")("form.back")).not.toBe(shared.getFixedT(null, "booking", "form")("form.back"));
    // One translator per scope, made once (every component's useTranslation asks for one).
    expect(shared.getFixedT(null, "booking", "form")).toBe(shared.getFixedT(null, "booking", "form"));
  });

  it.each(OFFERED_LANGUAGES)("a message's translator in %s answers as i18next does afresh, in its own language", (lng) => {
    const t = onceTranslatorFor(lng);
    const u = fresh(lng).t;
    const vars = { name: "Amira", title: "Stay and play", when: "Monday", where: "Hub", reference: "FH-ABC123", link: "x" };
    expect(t("messages:confirmed.email", vars)).toBe(u("messages:confirmed.email", vars));
    expect(t("messages:courseWhen", { date: "d", count: 3, time: "t" })).toBe(u("messages:courseWhen", { date: "d", count: 3, time: "t" }));
    expect(t("common:layout.serviceName")).toBe(u("common:layout.serviceName"));
  });

  it("are not kept for options that are not plain values", () => {
    expect(answerId("a.b", { count: 2, ns: ["common", "search"], lng: "en" })).not.toBeNull();
    expect(answerId("a.b", { postProcess: () => "x" })).toBeNull();
    expect(answerId("a.b", { returnObjects: true })).toBeNull();
    expect(answerId("a.b", { venue: { name: "Hub" } })).toBeNull();
    expect(answerId(undefined, {})).toBeNull();
    // Different values, different answers.
    expect(answerId("a.b", { count: 1 })).not.toBe(answerId("a.b", { count: 2 }));
    expect(answerId("a.b")).not.toBe(answerId("a.c"));
  });
});
