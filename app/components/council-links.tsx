import { Link } from "@remix-run/react";

/** Each council as a link to its own page (/hubs?council=<slug>), for a directory too large to list whole (decision 020). */
export function CouncilLinks({ councils }: { councils: { slug: string; name: string }[] }) {
  return (
    <ul className="govuk-list app-tiles">
      {councils.map((c) => (
        <li key={c.slug}>
          <Link className="govuk-link" to={`/hubs?council=${c.slug}`}>
            {c.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
