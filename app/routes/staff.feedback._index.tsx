// Feedback from families at the person's own hubs (administrators: every hub): filter, open one
// to tag or hide it, see the sessions families asked for, and the feedback report. Free text is
// for staff only; hidden text is never shown.
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireStaff } from "~/auth/guards.server";
import { FeedbackReport } from "~/components/feedback-report";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Checkbox, Select, TextInput } from "~/components/govuk/fields";
import { Table } from "~/components/govuk/table";
import { Tag } from "~/components/govuk/tag";
import { addDays, isValidIsoDate, londonDate } from "~/domain/dates";
import { RATING_SLUGS, RATINGS, type Rating } from "~/domain/feedback";
import { may } from "~/domain/permissions";
import { CONTENT_LANGUAGE } from "~/i18n";
import { hubThemes } from "~/models/feedback.server";
import { FEEDBACK_LIST_LIMIT, listFeedback, requestedSessions } from "~/models/feedback-list.server";
import { feedbackReport } from "~/models/feedback-report.server";
import { assignableVenues } from "~/models/venue.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDateRange, formatInstant } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { optionalField } from "~/utils/zod-fields";

export const handle = { i18n: ["staff", "feedback", "feedback-staff"] };
export const meta = titleMeta;

const isoDate = z.string().refine(isValidIsoDate, "list.errors.date");
const QuerySchema = z.object({
  hub: optionalField(z.string().regex(/^[a-z0-9-]{1,100}$/, "list.errors.hub")),
  rating: optionalField(z.coerce.number().int().min(1, "list.errors.rating").max(5, "list.errors.rating")),
  theme: optionalField(
    z.coerce
      .number()
      .int()
      .positive("list.errors.theme")
      .max(2 ** 31),
  ),
  unanswered: optionalField(z.literal("1", { message: "list.errors.unanswered" })),
  from: optionalField(isoDate),
  to: optionalField(isoDate),
});
const FIELDS = ["hub", "rating", "theme", "unanswered", "from", "to"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "feedback");
  const { t, title, locale } = await translator(request, ["staff", "feedback-staff"]);
  const db = getDb();
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = QuerySchema.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0])] ??= t(
        `feedback-staff:${/^list\.errors\.\w+$/.test(issue.message) ? issue.message : `list.errors.${String(issue.path[0])}`}`,
      );
  const query = parsed.success ? parsed.data : {};
  const hubs = assignableVenues(db, user);
  const hub = query.hub ? hubs.find((h) => h.slug === query.hub) : undefined;
  if (query.hub && !hub) errors.hub ??= t("feedback-staff:list.errors.hub");
  const themes = hub ? hubThemes(db, hub.id) : [];
  const themeId = query.theme && themes.some((th) => th.id === query.theme) ? query.theme : undefined;
  if (query.theme && !themeId) errors.theme ??= t("feedback-staff:list.errors.theme");
  const today = londonDate(now());
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -365);
  if (from > to) errors.from ??= t("feedback-staff:list.errors.order");
  const ok = Object.keys(errors).length === 0;
  const filter = ok
    ? { venueId: hub?.id, rating: query.rating, themeId, unanswered: query.unanswered === "1", fromDate: from, toDate: to }
    : {};
  const list = listFeedback(db, user, filter);
  const scopeUser = hub ? { ...user, role: "hub-staff" as const, venueIds: [hub.id] } : user;
  return json(
    {
      title: title(t("feedback-staff:list.title"), !ok),
      errors,
      values: Object.fromEntries(FIELDS.map((f) => [f, raw[f] ?? ""])),
      period: { from, to, label: formatDateRange(from, to, locale) },
      hubs: hubs.map((h) => ({ slug: h.slug, name: h.name })),
      themes,
      mayPublish: may(user, "you-said-we-did"),
      total: list.total,
      rows: list.rows.map((r) => ({ ...r, received: formatInstant(r.createdAt, locale) })),
      wishes: ok ? requestedSessions(db, user, filter) : [],
      report: feedbackReport(db, scopeUser, { fromDate: from, toDate: to }),
      limit: FEEDBACK_LIST_LIMIT,
    },
    { status: ok ? 200 : 400, headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function StaffFeedback() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("feedback-staff");
  const { errors, values } = data;
  const errorList = FIELDS.filter((f) => errors[f]).map((f) => ({ href: `#${f}`, text: errors[f] }));
  return (
    <>
      <ErrorSummary errors={errorList} />
      <h1 className="govuk-heading-l">{t("feedback-staff:list.heading")}</h1>
      <p className="govuk-body">{t("feedback-staff:list.intro")}</p>
      {data.mayPublish && data.hubs.length > 0 && data.hubs.length <= 10 && (
        <ul className="govuk-list">
          {data.hubs.map((h) => (
            <li key={h.slug}>
              <Link className="govuk-link" to={`/staff/hubs/${h.slug}/you-said-we-did`}>
                {t("feedback-staff:list.publishFor", { name: h.name })}
              </Link>
            </li>
          ))}
        </ul>
      )}

      <Form method="get" action="/staff/feedback" aria-labelledby="filter-heading" className="app-filter-form">
        <h2 className="govuk-heading-m" id="filter-heading">
          {t("feedback-staff:list.filterHeading")}
        </h2>
        <Select
          id="hub"
          name="hub"
          label={t("feedback-staff:list.hub")}
          error={errors.hub}
          defaultValue={values.hub}
          options={[{ value: "", label: t("feedback-staff:list.anyHub") }, ...data.hubs.map((h) => ({ value: h.slug, label: h.name }))]}
        />
        <Select
          id="rating"
          name="rating"
          label={t("feedback-staff:list.rating")}
          error={errors.rating}
          defaultValue={values.rating}
          options={[
            { value: "", label: t("feedback-staff:list.anyRating") },
            ...RATINGS.map((r) => ({ value: String(r), label: t(`feedback:form.ratings.${RATING_SLUGS[r]}`) })),
          ]}
        />
        {data.themes.length > 0 ? (
          <Select
            id="theme"
            name="theme"
            label={t("feedback-staff:list.theme")}
            error={errors.theme}
            defaultValue={values.theme}
            options={[
              { value: "", label: t("feedback-staff:list.anyTheme") },
              ...data.themes.map((th) => ({ value: String(th.id), label: th.label })),
            ]}
          />
        ) : (
          <p className="govuk-hint">{t("feedback-staff:list.themeHint")}</p>
        )}
        <TextInput
          id="from"
          name="from"
          label={t("feedback-staff:list.from")}
          hint={t("feedback-staff:list.dateHint")}
          error={errors.from}
          defaultValue={values.from || data.period.from}
          className="govuk-input--width-10"
        />
        <TextInput
          id="to"
          name="to"
          label={t("feedback-staff:list.to")}
          error={errors.to}
          defaultValue={values.to || data.period.to}
          className="govuk-input--width-10"
        />
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <Checkbox name="unanswered" value="1" label={t("feedback-staff:list.unanswered")} checked={values.unanswered === "1"} />
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("feedback-staff:list.filterSubmit")}
        </button>
      </Form>

      <h2 className="govuk-heading-m">{t("feedback-staff:list.found", { count: data.total })}</h2>
      {data.rows.length === 0 ? (
        <p className="govuk-body">{t("feedback-staff:list.none")}</p>
      ) : (
        <ul className="govuk-list app-feedback-list">
          {data.rows.map((r) => (
            <li key={r.id} className="app-feedback-item">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                <Link className="govuk-link" to={`/staff/feedback/${r.id}`}>
                  {t(`feedback:form.ratings.${RATING_SLUGS[r.rating as Rating]}`)}
                  <span className="govuk-visually-hidden"> {t("feedback-staff:list.openContext", { id: r.id })}</span>
                </Link>
              </h3>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                {r.received} · {r.venueName}
                {r.seriesTitle && (
                  <>
                    {" · "}
                    <span lang={CONTENT_LANGUAGE}>{r.seriesTitle}</span>
                  </>
                )}
              </p>
              {r.hidden ? (
                <p className="govuk-body-s">
                  <Tag colour="grey">{t("feedback-staff:hidden")}</Tag>
                </p>
              ) : (
                <>
                  {r.good && <p className="govuk-body-s govuk-!-margin-bottom-1">{t("feedback-staff:list.good", { text: r.good })}</p>}
                  {r.better && <p className="govuk-body-s govuk-!-margin-bottom-1">{t("feedback-staff:list.better", { text: r.better })}</p>}
                </>
              )}
              <p className="govuk-body-s">
                {r.tags.map((tag) => (
                  <Tag key={tag.id} colour="blue" className="app-tag-gap">
                    <span lang={CONTENT_LANGUAGE}>{tag.label}</span>
                  </Tag>
                ))}
                {r.answered && <Tag colour="green">{t("feedback-staff:answered")}</Tag>}
                {r.wantsAnswer && !r.answered && <Tag colour="yellow">{t("feedback-staff:wantsAnswer")}</Tag>}
              </p>
            </li>
          ))}
        </ul>
      )}
      {data.total > data.limit && <p className="govuk-body">{t("feedback-staff:list.limited", { count: data.limit })}</p>}

      <h2 className="govuk-heading-m">{t("feedback-staff:wish.heading")}</h2>
      {data.wishes.length === 0 ? (
        <p className="govuk-body">{t("feedback-staff:wish.none")}</p>
      ) : (
        <Table
          caption={t("feedback-staff:wish.caption")}
          captionHidden
          head={[
            { content: t("feedback-staff:list.hub") },
            { content: t("feedback-staff:wish.type") },
            { content: t("feedback-staff:wish.day") },
            { content: t("feedback-staff:wish.time") },
            { content: t("feedback-staff:wish.count"), numeric: true },
          ]}
          rows={data.wishes.map((w, i) => ({
            key: i,
            cells: [
              { content: w.venueName },
              {
                content: w.wishType
                  ? w.wishType === "other"
                    ? t("feedback-staff:wish.other")
                    : t(`common:types.${w.wishType}`)
                  : t("feedback-staff:wish.any"),
              },
              { content: w.wishDay ? t(`common:days.${w.wishDay}`) : t("feedback-staff:wish.any") },
              { content: w.wishTime ? t(`feedback:form.times.${w.wishTime}`) : t("feedback-staff:wish.any") },
              { content: w.n, numeric: true },
            ],
          }))}
        />
      )}

      <FeedbackReport report={data.report} periodLabel={data.period.label} />
    </>
  );
}
