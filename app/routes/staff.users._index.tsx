// Staff accounts: admins see everyone; hub managers see the hub staff at their own hubs.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/auth/guards.server";
import { Table } from "~/components/govuk/table";
import { Tag } from "~/components/govuk/tag";
import { listManagedUsers } from "~/models/user.server";
import { venueNames } from "~/models/venue.server";
import { getDb } from "~/utils/db.server";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["staff", "admin"] };
export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "accounts");
  const { t: tr, title } = await translator(request, ["staff", "admin"]);
  const db = getDb();
  const names = venueNames(db);
  const users = listManagedUsers(db, user).map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    active: u.active,
    hubs: u.venueIds.map((id) => names.get(id) ?? String(id)).sort(),
  }));
  return json({ title: title(tr("admin:users.listTitle")), users, isAdmin: user.role === "admin" });
}

export default function StaffUsers() {
  const { users, isAdmin } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <>
      <h1 className="govuk-heading-l">{t("users.listHeading")}</h1>
      <p className="govuk-body">{isAdmin ? t("users.scopeAll") : t("users.scopeHubs")}</p>
      <Link className="govuk-button" to="/staff/users/new">
        {t("users.create")}
      </Link>
      {users.length === 0 ? (
        <p className="govuk-body">{t("users.none")}</p>
      ) : (
        <div style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label={t("users.tableLabel")}>
          <Table
            className="govuk-table--small-text-until-tablet"
            caption={t("users.tableLabel")}
            captionHidden
            head={[t("users.name"), t("users.email"), t("users.role"), t("users.hubs"), t("users.status")].map((content) => ({ content }))}
            rows={users.map((u) => ({
              key: u.id,
              cells: [
                {
                  content: (
                    <Link className="govuk-link" to={`/staff/users/${u.id}`}>
                      {u.name}
                      <span className="govuk-visually-hidden"> {t("users.editContext")}</span>
                    </Link>
                  ),
                },
                { content: u.email, style: { overflowWrap: "anywhere" } },
                { content: t(`staff:roles.${u.role}`) },
                { content: u.role === "admin" ? t("users.everyHub") : u.hubs.join(", ") },
                {
                  content: u.active ? (
                    <Tag colour="green">{t("users.statusActive")}</Tag>
                  ) : (
                    <Tag colour="grey">{t("users.statusInactive")}</Tag>
                  ),
                },
              ],
            }))}
          />
        </div>
      )}
    </>
  );
}
