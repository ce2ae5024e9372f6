// Send a connection request: ask a family hub to contact a family, with the family's consent.
// Any signed-in member of staff may send one (outreach workers most often); `?venue=slug`
// chooses the hub in advance.
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireStaff } from "~/auth/guards.server";
import { BackLink } from "~/components/govuk/back-link";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Checkboxes, Radios, Select, Textarea, TextInput } from "~/components/govuk/fields";
import { AGE_BANDS } from "~/domain/age-bands";
import { createConnection } from "~/models/connection.server";
import { familyHubBySlug, familyHubs } from "~/models/venue.server";
import {
  CONNECTION_FIELDS,
  CONNECTION_LANGUAGES,
  CONTACT_METHODS,
  MAX_BEST_TIMES,
  MAX_FAMILY_NAME,
  MAX_NEED,
  parseConnectionForm,
} from "~/utils/connection-form";
import { getDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { languageName } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const handle = { i18n: ["staff", "connections"] };
export const meta = titleMeta;

const QuerySchema = z.object({
  venue: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional()
    .catch(undefined),
});

/** The limit each "too long" message names. */
const LIMITS: Record<string, number> = { need: MAX_NEED, familyName: MAX_FAMILY_NAME, bestTimes: MAX_BEST_TIMES };

/** "Bangla" is what Intl calls Bengali; staff in England say Bengali. */
const ENGLISH_NAMES: Record<string, string> = { bn: "Bengali" };

type Values = Partial<Record<(typeof CONNECTION_FIELDS)[number], string>>;

function choices(locale: string) {
  const db = getDb();
  const hubs = familyHubs(db);
  const groups: { label: string; options: { value: string; label: string }[] }[] = [];
  for (const h of hubs) {
    let group = groups.find((g) => g.label === h.authority);
    if (!group) groups.push((group = { label: h.authority, options: [] }));
    group.options.push({ value: h.slug, label: h.name });
  }
  const name = (code: string) => (locale === "en" && ENGLISH_NAMES[code]) || languageName(code, locale);
  const [first, ...rest] = CONNECTION_LANGUAGES;
  const languages = [
    { value: first, label: name(first) },
    ...rest.map((code) => ({ value: code, label: name(code) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
  ];
  return { hubGroups: groups, languages, retentionMonths: env().CONNECTION_RETENTION_MONTHS };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { t: tr, title, locale } = await translator(request, ["staff", "connections"]);
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const preselected = query.venue ? familyHubBySlug(getDb(), query.venue) : undefined;
  return json({
    title: title(tr("connections:new.title")),
    ...choices(locale),
    initial: { venue: preselected?.slug ?? "", language: "en" } as Values,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const { t: tr, title, locale } = await translator(request, ["staff", "connections"]);
  const db = getDb();
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const field of CONNECTION_FIELDS) {
    const v = form.get(field);
    if (typeof v === "string") values[field] = v;
  }
  const fail = (keys: Record<string, string>) =>
    json(
      {
        title: title(tr("connections:new.title"), true),
        errors: Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, tr(`connections:${key}`, { max: LIMITS[field] ?? 0 })])),
        values: values as Values,
        ...choices(locale),
      },
      { status: 400 },
    );

  const parsed = parseConnectionForm(values);
  const hub = values.venue ? familyHubBySlug(db, values.venue.trim()) : undefined;
  const errors: Record<string, string> = parsed.errors ? { ...parsed.errors } : {};
  if (!hub) errors.venue ??= "errors.venue";
  if (!parsed.data || !hub || Object.keys(errors).length > 0) return fail(errors);

  const input = parsed.data;
  const id = createConnection(db, user, {
    venueId: hub.id,
    need: input.need,
    ageBand: input.ageBand ?? null,
    preferredLanguage: input.language,
    familyName: input.familyName,
    phone: input.phone || null,
    email: input.email ?? null,
    contactMethod: input.contactMethod,
    bestTimes: input.bestTimes,
  });
  return redirect(`/staff/connections/${id}?done=sent`);
}

export default function NewConnection() {
  const loaderData = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation("connections");
  const { hubGroups, languages, retentionMonths } = result ?? loaderData;
  const errors: Record<string, string> = result?.errors ?? {};
  const values: Values = result?.values ?? loaderData.initial;
  const errorList = CONNECTION_FIELDS.filter((f) => errors[f]).map((f) => ({ href: `#${f}`, text: errors[f] }));

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/staff/connections">{t("new.back")}</BackLink>
        <ErrorSummary errors={errorList} />
        <h1 className="govuk-heading-l">{t("new.heading")}</h1>
        <p className="govuk-body">{t("new.intro", { months: retentionMonths })}</p>
        <Form method="post" action="/staff/connections/new" noValidate>
          <Select
            id="venue"
            name="venue"
            label={t("new.hub")}
            options={[{ value: "", label: t("new.chooseHub") }]}
            groups={hubGroups}
            defaultValue={values.venue ?? ""}
            error={errors.venue}
          />

          <h2 className="govuk-heading-m">{t("new.aboutHeading")}</h2>
          <Textarea
            id="need"
            name="need"
            label={t("new.need")}
            labelClassName="govuk-label--s"
            hint={t("new.needHint", { max: MAX_NEED })}
            error={errors.need}
            defaultValue={values.need}
            maxLength={MAX_NEED}
          />
          <Select
            id="ageBand"
            name="ageBand"
            label={t("new.ageBand")}
            options={[{ value: "", label: t("new.ageBandNone") }, ...AGE_BANDS.map((b) => ({ value: b, label: t(`common:ageBands.${b}`) }))]}
            defaultValue={values.ageBand ?? ""}
            error={errors.ageBand}
          />
          <Select
            id="language"
            name="language"
            label={t("new.language")}
            hint={t("new.languageHint")}
            options={languages}
            defaultValue={values.language ?? "en"}
            error={errors.language}
          />

          <h2 className="govuk-heading-m">{t("new.contactHeading")}</h2>
          <TextInput
            id="familyName"
            name="familyName"
            label={t("new.familyName")}
            hint={t("new.familyNameHint")}
            error={errors.familyName}
            defaultValue={values.familyName}
            autoComplete="off"
            spellCheck={false}
            labelClassName="govuk-label--s"
          />
          <Radios
            name="contactMethod"
            legend={t("new.contactMethod")}
            options={CONTACT_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
            defaultValue={values.contactMethod}
            error={errors.contactMethod}
          />
          <TextInput
            id="phone"
            name="phone"
            type="tel"
            label={t("new.phone")}
            hint={t("new.phoneHint")}
            error={errors.phone}
            defaultValue={values.phone}
            autoComplete="off"
            className="govuk-input--width-20"
            labelClassName="govuk-label--s"
          />
          <TextInput
            id="email"
            name="email"
            type="email"
            label={t("new.email")}
            error={errors.email}
            defaultValue={values.email}
            autoComplete="off"
            spellCheck={false}
            labelClassName="govuk-label--s"
          />
          <Textarea
            id="bestTimes"
            name="bestTimes"
            label={t("new.bestTimes")}
            labelClassName="govuk-label--s"
            hint={t("new.bestTimesHint", { max: MAX_BEST_TIMES })}
            error={errors.bestTimes}
            defaultValue={values.bestTimes}
            maxLength={MAX_BEST_TIMES}
            rows={2}
          />

          <Checkboxes
            name="consent"
            legend={t("new.consentHeading")}
            legendClassName="govuk-fieldset__legend--m"
            legendHeading
            error={errors.consent}
            options={[{ value: "yes", label: t("new.consent") }]}
            defaultValue={values.consent ? [values.consent] : []}
          />

          <button type="submit" className="govuk-button" disabled={navigation.state === "submitting"}>
            {t("new.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
