// Stable slugs used in URLs (?type=) and in translation keys (types.<slug>). Order is display order.
export const SESSION_TYPE_SLUGS = [
  "baby-and-me",
  "stay-and-play",
  "send",
  "parenting-course",
  "antenatal",
  "infant-feeding",
  "dads-and-partners",
  "speech-and-language",
  "home-learning",
  "health-visitor-drop-in",
  "money-and-housing",
] as const;

export type SessionTypeSlug = (typeof SESSION_TYPE_SLUGS)[number];

/**
 * Every type has a plain "what this is" paragraph in every language (locales/<lng>/venue.json,
 * `typeAbout`), shown beside the staff's own description, which is in English: a family who reads
 * only Urdu still learns what a stay and play is.
 */
export function typeAboutKey(slug: string): string {
  return (SESSION_TYPE_SLUGS as readonly string[]).includes(slug) ? `venue:typeAbout.${slug}` : "";
}
