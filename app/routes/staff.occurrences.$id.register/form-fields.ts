// The register's form fields, shared by the parsing on the server and the pages that show its errors.

/** Most children, and most adults, one walk-in can count. */
export const MAX_PEOPLE = 10;
/** One age field for each child a walk-in can count. */
export const AGE_FIELDS = MAX_PEOPLE;
export const ageField = (i: number) => `childAge${i + 1}`;
export const MARKS = ["attended", "no-show", "clear"] as const;

/** The error summary's order: the register table first, then the walk-in form from the top. */
export const ERROR_ORDER = [
  "register",
  "name",
  "children",
  "adults",
  ...Array.from({ length: AGE_FIELDS }, (_, i) => ageField(i)),
  "postcode",
  "walkIn",
];

export function errorHref(field: string) {
  if (field === "register") return "#register";
  if (field === "walkIn") return "#walk-in";
  return `#${field}`;
}
