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
