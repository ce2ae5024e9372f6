import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { may } from "~/domain/permissions";
import { requireStaff } from "~/auth/guards.server";
import { londonDate } from "~/domain/dates";
import { staffHome } from "~/models/staff-home.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDate, formatTimeRange } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["staff", "connections", "outreach", "feeds"] };
export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const { t: tr, title } = await translator(request, "staff");
  const home = staffHome(getDb(), user, londonDate(now()));
  return json({
    title: title(tr("staff:home.title")),
    user: { name: user.name, role: user.role },
    may: {
      outbox: may(user, "outbox"),
      accounts: may(user, "accounts"),
      termDates: may(user, "term-dates"),
      audit: may(user, "audit"),
      feeds: may(user, "feeds"),
    },
    ...home,
  });
}

export default function StaffHome() {
  const { user, may: allowed, venues, todays, attention } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("staff");
  // Its connections and outreach words too: after a client-side sign-in they are not loaded yet,
  // and the page showed raw keys ("home.link") until a reload.
  useTranslation(["connections", "outreach"]);
  const lng = i18n.language;
  const waiting = attention.newRequests > 0 || attention.failedMessages > 0 || attention.reviewDates.length > 0;
  return (
    <>
      <h1 className="govuk-heading-l">{t("home.heading", { name: user.name })}</h1>
      {waiting && (
        <section aria-labelledby="attention-heading">
          <h2 className="govuk-heading-m" id="attention-heading">
            {t("home.attention")}
          </h2>
          <ul className="govuk-list govuk-list--bullet">
            {attention.newRequests > 0 && (
              <li>
                <Link className="govuk-link" to="/staff/connections">
                  {t("home.newRequests", { count: attention.newRequests })}
                </Link>
              </li>
            )}
            {attention.failedMessages > 0 && (
              <li>
                <Link className="govuk-link" to="/staff/outbox?status=failed">
                  {t("home.failedMessages", { count: attention.failedMessages })}
                </Link>
              </li>
            )}
            {attention.reviewDates.map((d) => (
              <li key={d.id}>
                <Link className="govuk-link" to={`/staff/occurrences/${d.id}`}>
                  {t("home.reviewDate", {
                    title: d.title,
                    date: formatDate(d.date, lng),
                    time: formatTimeRange(d.startTime, d.endTime, lng),
                    venue: d.venue,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {user.role !== "admin" && (
        <>
          <h2 className="govuk-heading-m">{t("home.today")}</h2>
          {todays.length === 0 ? (
            <p className="govuk-body">{t("home.nothingToday")}</p>
          ) : (
            <ul className="govuk-list">
              {todays.map((e) => (
                <li key={e.occurrence.id}>
                  {formatTimeRange(e.occurrence.startTime, e.occurrence.endTime, i18n.language)} {e.series.title} ({e.venue}) ·{" "}
                  <Link className="govuk-link" to={`/staff/occurrences/${e.occurrence.id}/register`}>
                    {t("home.register")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h2 className="govuk-heading-m">{user.role === "admin" ? t("home.allHubs") : t("home.yourHubs")}</h2>
      <ul className="govuk-list">
        {venues.map((v) => (
          <li key={v.id}>
            {v.name}
            {user.role !== "outreach" && (
              <>
                {" · "}
                <Link className="govuk-link" to={`/staff/hubs/${v.slug}/timetable`}>
                  {t("home.timetable")}
                </Link>
              </>
            )}
          </li>
        ))}
      </ul>
      <h2 className="govuk-heading-m">{t("home.tools")}</h2>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/staff/connections">
            {t("connections:home.link")}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/staff/signposts">
            {t("tools.signposts")}
          </Link>
        </li>
        {allowed.outbox && (
          <li>
            <Link className="govuk-link" to="/staff/outbox">
              {t("tools.outbox")}
            </Link>
          </li>
        )}
        {allowed.accounts && (
          <li>
            <Link className="govuk-link" to="/staff/users">
              {t("tools.users")}
            </Link>
          </li>
        )}
        {allowed.termDates && (
          <li>
            <Link className="govuk-link" to="/staff/term-dates">
              {t("tools.termDates")}
            </Link>
          </li>
        )}
        {allowed.audit && (
          <li>
            <Link className="govuk-link" to="/staff/audit">
              {t("tools.audit")}
            </Link>
          </li>
        )}
        {allowed.feeds && (
          <li>
            <Link className="govuk-link" to="/staff/feeds">
              {t("feeds:link")}
            </Link>
          </li>
        )}
      </ul>
      <Form method="post" action="/staff/sign-out">
        <input type="hidden" name="everywhere" value="1" />
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("layout.signOutEverywhere")}
        </button>
      </Form>
    </>
  );
}
