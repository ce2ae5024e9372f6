// Licence notices for the open data the site uses (db/data/SOURCES.md). Shown verbatim, in
// English and marked lang="en", because the licences word them so; the sentence introducing them
// is translated (common:layout.footer.noticesIntro). They are legal text, not interface words,
// which is why they are not in locales/.
export const DATA_NOTICES = [
  "Contains OS data © Crown copyright and database right 2025.",
  "Contains Royal Mail data © Royal Mail copyright and database right 2025.",
  "Contains National Statistics data © Crown copyright and database right 2025.",
  "Open Government Licence v3.0.",
] as const;
