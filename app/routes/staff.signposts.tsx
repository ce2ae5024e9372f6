// The signposting log. POST: "I signposted a family to this session or hub" (the button on the
// session and hub pages). GET: the signed-in worker's own recent signposts. Any member of staff.
import { type ActionFunctionArgs, type HeadersFunction, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireStaff } from "~/auth/guards.server";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Select } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/success-banner";
import { Table } from "~/components/govuk/table";
import { AGE_BANDS } from "~/domain/age-bands";
import { londonDate } from "~/domain/dates";
import { countOwnByType, listOwnSignposts, recordSignpost, safeBackPath, signpostReturnPath, SIGNPOSTS_PATH } from "~/models/signpost.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDate, formatNumber } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { blankToUndefined } from "~/utils/zod-fields";

export const handle = { i18n: ["staff", "outreach"] };
export const meta = titleMeta;
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const id = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ message: "signposts.errors.target" })
    .int("signposts.errors.target")
    .positive("signposts.errors.target")
    .max(2 ** 31, "signposts.errors.target")
    .optional(),
);

/** Exactly one of a session or a hub; an optional age band; where to go back to (checked separately). */
const SignpostSchema = z
  .object({
    seriesId: id,
    venueId: id,
    ageBand: z.preprocess(blankToUndefined, z.enum(AGE_BANDS, { errorMap: () => ({ message: "signposts.errors.ageBand" }) }).optional()),
    returnTo: z.string().max(500).optional().catch(undefined),
  })
  .superRefine((v, ctx) => {
    if ((v.seriesId === undefined) === (v.venueId === undefined)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["form"], message: "signposts.errors.target" });
    }
  });

const QuerySchema = z.object({ signposted: z.literal("1").optional().catch(undefined) });
const FIELDS = ["form", "seriesId", "venueId", "ageBand"] as const;
const KEPT = ["seriesId", "venueId", "ageBand", "returnTo"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const { t: tr, title } = await translator(request, ["staff", "outreach"]);
  const db = getDb();
  const today = londonDate(now());
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({
    title: title(tr("outreach:signposts.title")),
    signposted: query.signposted === "1",
    recent: listOwnSignposts(db, user.id, 50).map((r) => ({
      id: r.id,
      date: r.date,
      typeSlug: r.typeSlug,
      ageBand: r.ageBand,
      // A session, or a hub when the signpost was to the hub itself.
      target:
        r.seriesId !== null
          ? { kind: "session" as const, name: r.seriesTitle, href: `/sessions/${r.seriesId}` }
          : { kind: "hub" as const, name: r.venueName, href: r.venueSlug ? `/hubs/${r.venueSlug}` : null },
      area: r.localityName,
    })),
    thisMonth: countOwnByType(db, user.id, `${today.slice(0, 7)}-01`, today),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  // Any member of staff; a POST must also come from our own pages (checked by requireStaff).
  const user = await requireStaff(request);
  const { t: tr, title } = await translator(request, ["staff", "outreach"]);
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  const values = Object.fromEntries(KEPT.map((k) => [k, (form[k] ?? "").slice(0, 500)]));
  const fail = (keys: Record<string, string>, status = 400) =>
    json(
      {
        title: title(tr("outreach:signposts.title"), true),
        errors: Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, tr(`outreach:${key}`)])),
        values,
        back: safeBackPath(values.returnTo),
      },
      { status },
    );

  const parsed = SignpostSchema.safeParse(form);
  if (!parsed.success) {
    const keys: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      // A bad id is a problem with the page the form came from, not something to type in.
      keys[field === "seriesId" || field === "venueId" ? "form" : field] ??= issue.message;
    }
    return fail(keys);
  }
  const { seriesId, venueId, ageBand, returnTo } = parsed.data;
  const current = now();
  const outcome = recordSignpost(getDb(), user.id, seriesId !== undefined ? { seriesId } : { venueId: venueId! }, {
    ageBand: ageBand ?? null,
    date: londonDate(current),
    createdAt: current.toISOString(),
  });
  if (outcome.kind === "not-found") return fail({ form: "signposts.errors.notFound" });
  return redirect(signpostReturnPath(returnTo));
}

export default function Signposts() {
  const { signposted, recent, thisMonth } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation("outreach");
  const lng = i18n.language;
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values = (result?.values ?? {}) as Record<string, string>;
  const errorList = FIELDS.filter((f) => errors[f]).map((f) => ({ href: f === "ageBand" ? "#ageBand" : "#retry-heading", text: errors[f] }));
  const total = thisMonth.reduce((sum, row) => sum + row.count, 0);
  const kindLabel = (typeSlug: string | null) => (typeSlug ? t(`common:types.${typeSlug}`) : t("signposts.hub"));

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorList} />
        {signposted && !result && (
          <SuccessBanner title={t("signposts.successTitle")} heading={t("signposts.success")} titleId="signposted-title" />
        )}
        <h1 className="govuk-heading-l">{t("signposts.heading")}</h1>

        {result && (
          <section aria-labelledby="retry-heading">
            <h2 className="govuk-heading-m" id="retry-heading" tabIndex={-1}>
              {t("signposts.retryHeading")}
            </h2>
            {errors.form ? (
              <p className="govuk-error-message" id="form-error">
                <span className="govuk-visually-hidden">{t("common:errors.prefix")}</span> {errors.form}
              </p>
            ) : (
              <Form method="post" action={SIGNPOSTS_PATH} noValidate>
                {values.seriesId && <input type="hidden" name="seriesId" value={values.seriesId} />}
                {values.venueId && <input type="hidden" name="venueId" value={values.venueId} />}
                {values.returnTo && <input type="hidden" name="returnTo" value={values.returnTo} />}
                <Select
                  id="ageBand"
                  name="ageBand"
                  label={t("signpost.ageBand")}
                  defaultValue={(AGE_BANDS as readonly string[]).includes(values.ageBand ?? "") ? values.ageBand : ""}
                  error={errors.ageBand}
                  options={[
                    { value: "", label: t("signpost.anyAgeBand") },
                    ...AGE_BANDS.map((b) => ({ value: b, label: t(`common:ageBands.${b}`) })),
                  ]}
                />
                <button type="submit" className="govuk-button">
                  {t("signposts.retry")}
                </button>
              </Form>
            )}
            {result.back && (
              <p className="govuk-body">
                <Link className="govuk-link" to={result.back}>
                  {t("signposts.goBack")}
                </Link>
              </p>
            )}
          </section>
        )}

        <p className="govuk-body">{t("signposts.intro")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/search">
            {t("signposts.findSessions")}
          </Link>
        </p>

        <h2 className="govuk-heading-m">{t("signposts.thisMonth")}</h2>
        {thisMonth.length === 0 ? (
          <p className="govuk-body">{t("signposts.noneThisMonth")}</p>
        ) : (
          <Table
            caption={t("signposts.thisMonthCaption")}
            captionHidden
            firstCellIsHeader
            head={[{ content: t("signposts.kind") }, { content: t("signposts.count"), numeric: true }]}
            rows={[
              ...thisMonth.map((row) => ({
                key: row.typeSlug ?? "hub",
                cells: [{ content: kindLabel(row.typeSlug) }, { content: formatNumber(row.count, lng), numeric: true }],
              })),
              {
                key: "total",
                cells: [{ content: t("signposts.total") }, { content: <strong>{formatNumber(total, lng)}</strong>, numeric: true }],
              },
            ]}
          />
        )}

        <h2 className="govuk-heading-m">{t("signposts.recent")}</h2>
        {recent.length === 0 ? (
          <p className="govuk-body">{t("signposts.none")}</p>
        ) : (
          <>
            <p className="govuk-hint">{t("signposts.recentHint")}</p>
            <Table
              className="govuk-table--small-text-until-tablet"
              caption={t("signposts.recentCaption")}
              captionHidden
              head={[t("signposts.date"), t("signposts.to"), t("signposts.area"), t("signposts.ageBand")].map((content) => ({ content }))}
              rows={recent.map((r) => ({
                key: r.id,
                cells: [
                  { content: formatDate(r.date, lng) },
                  {
                    content: (
                      <>
                        {r.target.href && r.target.name ? (
                          <Link className="govuk-link" to={r.target.href}>
                            {r.target.name}
                          </Link>
                        ) : (
                          (r.target.name ?? t("signposts.removed"))
                        )}
                        <br />
                        <span className="govuk-body-s">{kindLabel(r.typeSlug)}</span>
                      </>
                    ),
                  },
                  { content: r.area ?? "" },
                  {
                    content:
                      r.ageBand && (AGE_BANDS as readonly string[]).includes(r.ageBand)
                        ? t(`common:ageBands.${r.ageBand}`)
                        : t("signposts.noAgeBand"),
                  },
                ],
              }))}
            />
          </>
        )}
      </div>
    </div>
  );
}
