// School term dates per local authority: term-time-only sessions run inside them. Admins only.
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireStaff } from "~/auth/guards.server";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Select, TextInput } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/success-banner";
import { Table } from "~/components/govuk/table";
import { isValidIsoDate, londonDate } from "~/domain/dates";
import { listLocalAuthorities } from "~/models/locality.server";
import { topUpOccurrences } from "~/models/occurrence-generation.server";
import { addTermDate, deleteTermDate, listTermDates } from "~/models/term-date.server";
import { getDb } from "~/utils/db.server";
import { env, now } from "~/utils/env.server";
import { issuesByField } from "~/utils/form-errors";
import { formatDayWithYear } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["staff", "admin"] };
export const meta = titleMeta;

const isoDate = (message: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ message }).refine(isValidIsoDate, message));

const AddSchema = z
  .object({
    localAuthority: z.coerce
      .number({ message: "terms.errors.localAuthority" })
      .int("terms.errors.localAuthority")
      .positive("terms.errors.localAuthority"),
    name: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z.string({ message: "terms.errors.nameRequired" }).min(1, "terms.errors.nameRequired").max(80, "terms.errors.nameLong"),
    ),
    start: isoDate("terms.errors.start"),
    end: isoDate("terms.errors.end"),
  })
  .superRefine((v, ctx) => {
    if (v.end < v.start) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["end"], message: "terms.errors.endBeforeStart" });
  });

const DeleteSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});
const IntentSchema = z.enum(["add", "delete"]);
const DONE = ["added", "deleted"] as const;
const QuerySchema = z.object({
  done: z.enum(DONE).optional().catch(undefined),
  added: z.coerce.number().int().min(0).max(100_000).optional().catch(undefined),
});
const FIELDS = ["form", "localAuthority", "name", "start", "end"] as const;

/** Fills in dates that the change opened. Removed terms do not delete occurrences already made. */
function topUp() {
  return topUpOccurrences(getDb(), londonDate(now()), env().OCCURRENCE_HORIZON_WEEKS);
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "term-dates");
  const { t: tr, title, locale } = await translator(request, ["staff", "admin"]);
  const db = getDb();
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({
    title: title(tr("admin:terms.title")),
    localAuthorities: listTermDates(db).map((la) => ({
      id: la.id,
      name: la.name,
      terms: la.terms.map((term) => ({
        id: term.id,
        name: term.name,
        start: formatDayWithYear(term.startDate, locale),
        end: formatDayWithYear(term.endDate, locale),
      })),
    })),
    done: query.done ?? null,
    added: query.added ?? 0,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request, "term-dates");
  const { t: tr, title } = await translator(request, ["staff", "admin"]);
  const db = getDb();
  const form = Object.fromEntries([...(await request.formData())].map(([k, v]) => [k, String(v)]));
  const fail = (keys: Record<string, string>, status = 400) =>
    json(
      {
        title: title(tr("admin:terms.title"), true),
        errors: Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, tr(`admin:${key}`)])),
        values: { localAuthority: form.localAuthority ?? "", name: form.name ?? "", start: form.start ?? "", end: form.end ?? "" },
      },
      { status },
    );
  const intent = IntentSchema.safeParse(form.intent);
  if (!intent.success) return fail({ form: "errors.intent" });

  if (intent.data === "delete") {
    const parsed = DeleteSchema.safeParse(form);
    if (!parsed.success) return fail({ form: "terms.errors.notFound" });
    const removed = deleteTermDate(db, user, parsed.data.id);
    if (!removed) return fail({ form: "terms.errors.notFound" }, 404);
    topUp();
    return redirect("/staff/term-dates?done=deleted");
  }

  const parsed = AddSchema.safeParse(form);
  if (!parsed.success) return fail(issuesByField(parsed.error.issues));
  const la = listLocalAuthorities(db).find((l) => l.id === parsed.data.localAuthority);
  if (!la) return fail({ localAuthority: "terms.errors.localAuthority" });
  addTermDate(db, user, {
    localAuthorityId: la.id,
    name: parsed.data.name,
    startDate: parsed.data.start,
    endDate: parsed.data.end,
  });
  const added = topUp();
  return redirect(`/staff/term-dates?done=added&added=${added}`);
}

export default function TermDates() {
  const { localAuthorities, done, added } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const values = (result?.values ?? {}) as Record<string, string>;
  const errorList = FIELDS.filter((f) => errors[f]).map((f) => ({ href: `#${f === "form" ? "add-term" : f}`, text: errors[f] }));

  return (
    <>
      <ErrorSummary errors={errorList} />
      {done && !result && (
        <SuccessBanner title={t("terms.doneTitle")} heading={done === "added" ? t("terms.added", { count: added }) : t("terms.deleted")} />
      )}
      <h1 className="govuk-heading-l">{t("terms.heading")}</h1>
      <p className="govuk-body">{t("terms.intro")}</p>
      <div className="govuk-inset-text">{t("terms.removalNote")}</div>

      {localAuthorities.map((la) => (
        <section key={la.id} aria-labelledby={`la-${la.id}`}>
          <h2 className="govuk-heading-m" id={`la-${la.id}`}>
            {la.name}
          </h2>
          {la.terms.length === 0 ? (
            <p className="govuk-body">{t("terms.none")}</p>
          ) : (
            <Table
              className="govuk-table--small-text-until-tablet"
              caption={t("terms.tableLabel", { name: la.name })}
              captionHidden
              firstCellIsHeader
              head={[
                { content: t("terms.name") },
                { content: t("terms.start") },
                { content: t("terms.end") },
                { content: <span className="govuk-visually-hidden">{t("terms.actions")}</span> },
              ]}
              rows={la.terms.map((term) => ({
                key: term.id,
                cells: [
                  { content: term.name },
                  { content: term.start },
                  { content: term.end },
                  {
                    content: (
                      <Form method="post" action="/staff/term-dates">
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="id" value={term.id} />
                        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                          {t("terms.delete")}
                          <span className="govuk-visually-hidden"> {t("terms.deleteContext", { name: term.name, la: la.name })}</span>
                        </button>
                      </Form>
                    ),
                  },
                ],
              }))}
            />
          )}
        </section>
      ))}

      <h2 className="govuk-heading-m" id="add-term">
        {t("terms.addHeading")}
      </h2>
      <Form method="post" action="/staff/term-dates" noValidate aria-labelledby="add-term">
        <input type="hidden" name="intent" value="add" />
        <Select
          id="localAuthority"
          name="localAuthority"
          label={t("terms.localAuthority")}
          defaultValue={values.localAuthority ?? ""}
          error={errors.localAuthority}
          options={[
            { value: "", label: t("terms.chooseLocalAuthority") },
            ...localAuthorities.map((la) => ({ value: String(la.id), label: la.name })),
          ]}
        />
        <TextInput
          id="name"
          name="name"
          label={t("terms.name")}
          hint={t("terms.nameHint")}
          error={errors.name}
          defaultValue={values.name}
          className="govuk-!-width-one-half"
        />
        <TextInput
          id="start"
          name="start"
          label={t("terms.start")}
          hint={t("dateHint")}
          error={errors.start}
          defaultValue={values.start}
          className="govuk-input--width-10"
        />
        <TextInput
          id="end"
          name="end"
          label={t("terms.end")}
          hint={t("terms.endHint")}
          error={errors.end}
          defaultValue={values.end}
          className="govuk-input--width-10"
        />
        <button type="submit" className="govuk-button">
          {t("terms.add")}
        </button>
      </Form>
    </>
  );
}
