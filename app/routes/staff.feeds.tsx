// The Open Referral feeds imported on a timer (ORUK_FEEDS) and what their last run did. Administrators only.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "~/auth/guards.server";
import { Table } from "~/components/govuk/table";
import { Tag } from "~/components/govuk/tag";
import { sourceKey } from "~/oruk/import/apply.server";
import { lastFeedRuns } from "~/oruk/import/refresh.server";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { formatInstant, formatNumber } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["staff", "feeds"] };
export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "feeds");
  const { t: tr, title, locale } = await translator(request, ["staff", "feeds"]);
  const configured = env().ORUK_FEEDS.map(sourceKey);
  const runs = lastFeedRuns(getDb());
  const sources = [...new Set([...configured, ...runs.map((r) => r.source)])];
  return json({
    title: title(tr("feeds:title")),
    every: env().ORUK_REFRESH_MINUTES,
    rows: sources.map((source) => {
      const run = runs.find((r) => r.source === source);
      return {
        source,
        configured: configured.includes(source),
        when: run ? formatInstant(run.at, locale) : null,
        ok: run?.ok ?? null,
        error: run && !run.ok ? run.error : null,
        counts: run?.ok
          ? {
              services: run.report.services,
              created: run.report.created,
              updated: run.report.updated,
              unchanged: run.report.unchanged,
              withdrawn: run.report.withdrawn,
              skipped: run.report.skipped.length,
            }
          : null,
      };
    }),
  });
}

export default function Feeds() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("feeds");
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <>
      <h1 className="govuk-heading-l">{t("heading")}</h1>
      <p className="govuk-body">{t("intro")}</p>
      <p className="govuk-body">{data.rows.some((r) => r.configured) ? t("schedule", { minutes: n(data.every) }) : t("off")}</p>
      {data.rows.length > 0 && (
        <Table
          caption={t("tableCaption")}
          captionSize="m"
          head={[{ content: t("source") }, { content: t("lastRun") }, { content: t("result") }]}
          rows={data.rows.map((r) => ({
            key: r.source,
            cells: [
              { content: <code lang="en">{r.source}</code>, header: true, style: { overflowWrap: "anywhere" } },
              { content: r.when ?? t("notYet") },
              {
                content:
                  r.ok === null ? null : r.ok && r.counts ? (
                    <>
                      <Tag colour="green">{t("ok")}</Tag>{" "}
                      {t("counts", {
                        services: n(r.counts.services),
                        created: n(r.counts.created),
                        updated: n(r.counts.updated),
                        unchanged: n(r.counts.unchanged),
                        withdrawn: n(r.counts.withdrawn),
                        skipped: n(r.counts.skipped),
                      })}
                    </>
                  ) : (
                    <>
                      <Tag colour="red">{t("failed")}</Tag> <span lang="en">{r.error}</span>
                    </>
                  ),
              },
            ],
          }))}
        />
      )}
    </>
  );
}
