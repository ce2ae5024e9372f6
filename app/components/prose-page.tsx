import { useTranslation } from "react-i18next";

/**
 * A page of translated prose: `pages:<page>.sections` is a list of { heading, paragraphs[] }, so
 * every language carries the whole text.
 */
export function ProsePage({ page }: { page: string }) {
  const { t } = useTranslation("pages");
  const sections = t(`${page}.sections`, { returnObjects: true }) as { heading: string; paragraphs: string[] }[];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t(`${page}.heading`)}</h1>
        {Array.isArray(sections) &&
          sections.map((s) => (
            <section key={s.heading}>
              <h2 className="govuk-heading-m">{s.heading}</h2>
              {s.paragraphs.map((p) => (
                <p className="govuk-body" key={p}>
                  {p}
                </p>
              ))}
            </section>
          ))}
      </div>
    </div>
  );
}
