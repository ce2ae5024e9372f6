// One connection request. The receiving hub sees the family's details and decides: accept,
// decline with a reason, then mark as contacted. The sender sees the details and the status, with
// no actions. Administrators see the hub and status only, never the family's details (see
// canSeeConnectionDetails). Anyone else gets a 404, so a request's existence is not revealed.
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { ConnectionStatus } from "../../db/schema";
import { requireStaff } from "~/auth/guards.server";
import { BackLink } from "~/components/govuk/back-link";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Textarea } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/success-banner";
import { SummaryRow } from "~/components/govuk/summary-list";
import { Tag, type TagColour } from "~/components/govuk/tag";
import { canHandleConnection, canSeeConnection, canSeeConnectionDetails } from "~/domain/permissions";
import { formatUkPhone } from "~/domain/phone";
import { allowedChanges, changeConnectionStatus, type ConnectionChange, getConnection } from "~/models/connection.server";
import { MAX_REASON } from "~/utils/connection-form";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { formatInstant, languageName } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { IdParamsSchema } from "~/utils/params.server";

export const handle = { i18n: ["staff", "connections"] };
export const meta = titleMeta;

const DONE = ["sent", "accepted", "declined", "contacted"] as const;
const DoneSchema = z.object({ done: z.enum(DONE).optional().catch(undefined) });

const IntentSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("accept") }),
    z.object({
      intent: z.literal("decline"),
      reason: z.preprocess(
        (v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v),
        z.string({ message: "detail.errors.reason" }).trim().min(1, "detail.errors.reason").max(MAX_REASON, "detail.errors.reasonTooLong"),
      ),
    }),
    z.object({ intent: z.literal("contacted") }),
  ],
  { errorMap: () => ({ message: "detail.errors.intent" }) },
);

const CHANGE: Record<z.infer<typeof IntentSchema>["intent"], { to: ConnectionChange["to"]; done: (typeof DONE)[number] }> = {
  accept: { to: "accepted", done: "accepted" },
  decline: { to: "declined", done: "declined" },
  contacted: { to: "contacted", done: "contacted" },
};

const notFound = () => new Response("Not found", { status: 404 });

async function load(request: Request, params: unknown) {
  const user = await requireStaff(request);
  const parsed = IdParamsSchema.safeParse(params);
  const found = parsed.success ? getConnection(getDb(), parsed.data.id) : undefined;
  if (!found || !canSeeConnection(user, found.request)) throw notFound();
  return { user, found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, found } = await load(request, params);
  const { request: r, venueName, venueSlug, sender, handledBy } = found;
  const { t: tr, title, locale } = await translator(request, ["staff", "connections"]);
  const done = DoneSchema.parse(Object.fromEntries(new URL(request.url).searchParams)).done ?? null;
  const seesDetails = canSeeConnectionDetails(user, r);
  const canHandle = canHandleConnection(user, r);
  const redacted = r.redactedAt !== null;
  return json({
    title: title(tr("connections:detail.title", { id: r.id })),
    request: {
      id: r.id,
      status: r.status,
      venueName,
      venueSlug,
      ageBand: r.ageBand,
      language: languageName(r.preferredLanguage, locale),
      sentOn: formatInstant(r.createdAt, locale),
      updated: r.updatedAt !== r.createdAt ? formatInstant(r.updatedAt, locale) : null,
      redactedOn: r.redactedAt ? formatInstant(r.redactedAt, locale) : null,
    },
    // Only the sender and the receiving hub get the family's details (and the staff involved).
    details:
      seesDetails && !redacted
        ? {
            familyName: r.familyName,
            need: r.need,
            phone: r.phone ? { href: `tel:${r.phone}`, text: formatUkPhone(r.phone) } : null,
            email: r.email,
            contactMethod: r.contactMethod,
            bestTimes: r.bestTimes,
            consentOn: formatInstant(r.consentAt, locale),
          }
        : null,
    people: seesDetails ? { sender, handledBy: handledBy?.name ?? null, reason: r.statusReason } : null,
    seesDetails,
    isSender: r.fromUserId === user.id,
    actions: canHandle && !redacted ? allowedChanges(r.status) : [],
    canHandle,
    retentionMonths: env().CONNECTION_RETENTION_MONTHS,
    done,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, found } = await load(request, params);
  // The sender and administrators may look, but only the receiving hub decides.
  if (!canHandleConnection(user, found.request)) throw new Response("Forbidden", { status: 403 });
  const { t: tr, title } = await translator(request, ["staff", "connections"]);
  const form = await request.formData();
  const values = { intent: String(form.get("intent") ?? ""), reason: String(form.get("reason") ?? "") };
  const fail = (errors: Record<string, string>, extra: Record<string, string> = {}) =>
    json(
      {
        title: title(tr("connections:detail.title", { id: found.request.id }), true),
        errors: Object.fromEntries(
          Object.entries(errors).map(([field, key]) => [field, tr(`connections:${key}`, { max: MAX_REASON, ...extra })]),
        ),
        values,
      },
      { status: 400 },
    );
  const parsed = IntentSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(issue.path[0] === "reason" ? { reason: issue.message } : { form: "detail.errors.intent" });
  }
  const step = CHANGE[parsed.data.intent];
  const change: ConnectionChange =
    parsed.data.intent === "decline" ? { to: "declined", reason: parsed.data.reason } : { to: step.to as "accepted" | "contacted" };
  const result = changeConnectionStatus(getDb(), user, found.request.id, change);
  switch (result.kind) {
    case "done":
      return redirect(`/staff/connections/${found.request.id}?done=${step.done}`);
    case "not-found":
      throw notFound();
    case "forbidden":
      throw new Response("Forbidden", { status: 403 });
    case "redacted":
      return fail({ form: "detail.errors.redacted" });
    case "invalid-transition":
      return fail({ form: "detail.errors.invalidTransition" }, { status: tr(`connections:status.${result.from}`).toLowerCase() });
  }
}

const TAG: Record<ConnectionStatus, TagColour> = {
  new: "blue",
  accepted: "turquoise",
  declined: "red",
  contacted: "green",
};

function StatusTag({ status, label }: { status: ConnectionStatus; label: string }) {
  return <Tag colour={TAG[status]}>{label}</Tag>;
}

export default function ConnectionDetail() {
  const { request: r, details, people, actions, isSender, canHandle, retentionMonths, done, seesDetails } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("connections");
  const errors: Record<string, string> = result?.errors ?? {};
  const errorList = ["form", "reason"].filter((f) => errors[f]).map((f) => ({ href: f === "form" ? "#actions" : `#${f}`, text: errors[f] }));
  const busy = navigation.state === "submitting";
  const statusLabel = t(`status.${r.status}`);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/staff/connections">{t("detail.back")}</BackLink>
        <ErrorSummary errors={errorList} />
        {done && !result && <SuccessBanner title={t("detail.doneTitle")} heading={t(`detail.done.${done}`, { hub: r.venueName })} />}
        <span className="govuk-caption-l">{r.venueName}</span>
        <h1 className="govuk-heading-l">
          {details ? details.familyName : t("detail.heading")}
          <span className="govuk-visually-hidden"> ({t("detail.title", { id: r.id })})</span>
        </h1>

        {!seesDetails && (
          <div className="govuk-inset-text" id="status-only">
            {t("detail.statusOnly")}
          </div>
        )}
        {r.redactedOn && <div className="govuk-inset-text">{t("detail.redacted", { date: r.redactedOn, months: retentionMonths })}</div>}
        {isSender && !canHandle && r.status === "new" && <p className="govuk-body">{t("detail.senderNote")}</p>}

        <h2 className="govuk-heading-m">{t("detail.requestHeading")}</h2>
        <dl className="govuk-summary-list">
          <SummaryRow label={t("detail.status")}>
            <StatusTag status={r.status} label={statusLabel} />
          </SummaryRow>
          {people?.reason && r.status === "declined" && (
            <SummaryRow label={t("detail.reason")}>
              <span style={{ whiteSpace: "pre-line" }}>{people.reason}</span>
            </SummaryRow>
          )}
          <SummaryRow label={t("detail.hub")}>{r.venueName}</SummaryRow>
          {people?.sender && (
            <SummaryRow label={t("detail.sentBy")}>
              {people.sender.name} (
              <a className="govuk-link" href={`mailto:${people.sender.email}`}>
                {people.sender.email}
              </a>
              )
            </SummaryRow>
          )}
          <SummaryRow label={t("detail.sentOn")}>{r.sentOn}</SummaryRow>
          {r.updated && (
            <SummaryRow label={t("detail.updated")}>
              {r.updated}
              {people?.handledBy ? ` · ${people.handledBy}` : ""}
            </SummaryRow>
          )}
          <SummaryRow label={t("detail.ageBand")}>{r.ageBand ? t(`common:ageBands.${r.ageBand}`) : t("index.notGiven")}</SummaryRow>
          <SummaryRow label={t("detail.language")}>{r.language}</SummaryRow>
        </dl>

        {details && (
          <>
            <h2 className="govuk-heading-m">{t("detail.familyHeading")}</h2>
            <dl className="govuk-summary-list">
              <SummaryRow label={t("detail.need")}>
                <span style={{ whiteSpace: "pre-line" }}>{details.need}</span>
              </SummaryRow>
              <SummaryRow label={t("detail.familyName")}>{details.familyName}</SummaryRow>
              <SummaryRow label={t("detail.contactMethod")}>{t(`methods.${details.contactMethod}`)}</SummaryRow>
              <SummaryRow label={t("detail.phone")}>
                {details.phone ? (
                  <a className="govuk-link" href={details.phone.href}>
                    {details.phone.text}
                  </a>
                ) : (
                  t("detail.none")
                )}
              </SummaryRow>
              <SummaryRow label={t("detail.email")}>
                {details.email ? (
                  <a className="govuk-link" href={`mailto:${details.email}`}>
                    {details.email}
                  </a>
                ) : (
                  t("detail.none")
                )}
              </SummaryRow>
              <SummaryRow label={t("detail.bestTimes")}>{details.bestTimes || t("detail.none")}</SummaryRow>
              <SummaryRow label={t("detail.consent")}>{details.consentOn}</SummaryRow>
            </dl>
          </>
        )}

        {canHandle && (
          <>
            <h2 className="govuk-heading-m" id="actions" tabIndex={-1}>
              {t("detail.actionsHeading")}
            </h2>
            {errors.form && (
              <p className="govuk-error-message">
                <span className="govuk-visually-hidden">{t("common:errors.prefix")}</span> {errors.form}
              </p>
            )}
            {actions.length === 0 && <p className="govuk-body">{t("detail.noActions")}</p>}
            {actions.includes("accepted") && (
              <Form method="post" action={`/staff/connections/${r.id}`}>
                <input type="hidden" name="intent" value="accept" />
                <p className="govuk-body">{t("detail.acceptHint")}</p>
                <button type="submit" className="govuk-button" disabled={busy}>
                  {t("detail.accept")}
                </button>
              </Form>
            )}
            {actions.includes("contacted") && (
              <Form method="post" action={`/staff/connections/${r.id}`}>
                <input type="hidden" name="intent" value="contacted" />
                <p className="govuk-body">{t("detail.contactedHint")}</p>
                <button type="submit" className="govuk-button" disabled={busy}>
                  {t("detail.contacted")}
                </button>
              </Form>
            )}
            {actions.includes("declined") && (
              <Form method="post" action={`/staff/connections/${r.id}`} noValidate aria-labelledby="decline-heading">
                <h3 className="govuk-heading-s" id="decline-heading">
                  {t("detail.declineHeading")}
                </h3>
                <input type="hidden" name="intent" value="decline" />
                <Textarea
                  id="reason"
                  name="reason"
                  label={t("detail.reasonLabel")}
                  hint={t("detail.declineHint")}
                  error={errors.reason}
                  rows={3}
                  maxLength={MAX_REASON}
                  defaultValue={result?.values.reason ?? ""}
                />
                <button type="submit" className="govuk-button govuk-button--warning" disabled={busy}>
                  {t("detail.decline")}
                </button>
              </Form>
            )}
          </>
        )}
      </div>
    </div>
  );
}
