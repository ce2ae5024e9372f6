// The booking form's age choices are worded once per language and list (utils/booking-form's
// ageOptionsFor): what is kept must read exactly as childAgeLabel words each age, in the language asked.
import { describe, expect, it } from "vitest";
import { EXPECTING } from "~/domain/booking";
import { OFFERED_LANGUAGES } from "~/i18n";
import { ageOptionsFor, childAgeChoices, childAgeLabel } from "~/utils/booking-form";
import { i18nFor } from "~/utils/translate.server";

describe("the form's age options", () => {
  it.each(OFFERED_LANGUAGES)("read in %s as each age is worded afresh, asked twice", (lng) => {
    const t = i18nFor(lng).getFixedT(lng, "booking");
    const ages = childAgeChoices(59, true);
    const expected = ages.map((m) => ({ value: m === EXPECTING ? "expecting" : String(m), label: childAgeLabel(m, t, "booking:form.ages") }));
    expect(ageOptionsFor(ages, t, lng)).toEqual(expected);
    expect(ageOptionsFor(ages, t, lng)).toEqual(expected);
  });

  it("are kept per language and per list: one never answers for another", () => {
    const ages = childAgeChoices(24, false);
    const en = ageOptionsFor(ages, i18nFor("en").getFixedT("en", "booking"), "en");
    const pl = ageOptionsFor(ages, i18nFor("pl").getFixedT("pl", "booking"), "pl");
    expect(pl.map((o) => o.label)).not.toEqual(en.map((o) => o.label));
    expect(pl[3].label).toBe(childAgeLabel(ages[3], i18nFor("pl").getFixedT("pl", "booking"), "booking:form.ages"));
    const fewer = ageOptionsFor(ages.slice(2), i18nFor("en").getFixedT("en", "booking"), "en");
    expect(fewer.map((o) => o.value)).toEqual(ages.slice(2).map(String));
    // Two lists of the same length (a range that starts later, and one that ends sooner).
    const later = ageOptionsFor(ages.slice(1), i18nFor("en").getFixedT("en", "booking"), "en");
    const sooner = ageOptionsFor(ages.slice(0, -1), i18nFor("en").getFixedT("en", "booking"), "en");
    expect(later.map((o) => o.value)).toEqual(ages.slice(1).map(String));
    expect(sooner.map((o) => o.value)).toEqual(ages.slice(0, -1).map(String));
  });
});
