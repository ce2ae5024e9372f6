// The "Share" link on session, hub and search pages, leading to their share page (link, QR code,
// text message, email; printing for hubs). A plain link: it works without JavaScript.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type Props =
  | { kind: "session"; id: number }
  | { kind: "hub"; slug: string }
  /** The search as it was run: only its known parameters (the page's parsed values). */
  | { kind: "search"; query: Record<string, string | undefined> };

function shareHref(props: Props): string {
  if (props.kind === "session") return `/sessions/${props.id}/share`;
  if (props.kind === "hub") return `/hubs/${props.slug}/share`;
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(props.query)) if (value?.trim()) query.set(key, value.trim());
  const qs = query.toString();
  const search = qs ? `/search?${qs}` : "/search";
  return `/share?${new URLSearchParams({ search })}`;
}

export function ShareLink(props: Props) {
  const { t } = useTranslation();
  return (
    <p className="govuk-body app-share-link">
      <Link className="govuk-link app-share-link__link" to={shareHref(props)}>
        {props.kind === "session" ? t("shareLink.session") : props.kind === "hub" ? t("shareLink.hub") : t("shareLink.search")}
      </Link>
    </p>
  );
}
