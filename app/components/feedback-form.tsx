// The family's feedback form, one short page in GOV.UK patterns, for both ways in: a booking's
// one-use link (the session is known) and a hub's "Tell us what you think" page (the family may
// name a session). Works without JavaScript; every answer but "how was it" is optional.
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Radios, Select, TextInput, Textarea } from "~/components/govuk/fields";
import { FEEDBACK_AGE_BANDS, RATING_SLUGS, RATINGS, TEXT_MAX, WISH_DAYS, WISH_NOTES_MAX, WISH_TIMES, WISH_TYPES } from "~/domain/feedback";
import { CONTENT_LANGUAGE } from "~/i18n";

const FIELD_ORDER = [
  "form",
  "session",
  "rating",
  "good",
  "better",
  "wishType",
  "wishDay",
  "wishTime",
  "wishNotes",
  "ageBand",
  "hearBack",
  "email",
  "phone",
  "website",
];

export type FeedbackFormProps = {
  hubName: string;
  /** The booked session, when the form came from a booking's link. */
  sessionTitle?: string;
  /** The hub's sessions to choose from, on the hub's own page. */
  sessions?: { id: number; title: string }[];
  values: Record<string, string>;
  errors: Record<string, string>;
};

export function FeedbackForm({ hubName, sessionTitle, sessions, values, errors }: FeedbackFormProps) {
  const { t } = useTranslation("feedback");
  const navigation = useNavigation();
  const errorList = FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ href: f === "form" ? "#feedback-form" : `#${f}`, text: errors[f] }));
  const choose = { value: "", label: t("form.notSay") };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorList} />
        <span className="govuk-caption-l">{hubName}</span>
        <h1 className="govuk-heading-l">{t("form.heading")}</h1>
        {sessionTitle && (
          <p className="govuk-body">
            {t("form.about")} <strong lang={CONTENT_LANGUAGE}>{sessionTitle}</strong>
          </p>
        )}
        <p className="govuk-body">{t("form.intro")}</p>
        <p className="govuk-body">{t("form.private")}</p>
        <Form method="post" id="feedback-form" noValidate>
          {sessions && sessions.length > 0 && (
            <Select
              id="session"
              name="session"
              label={t("form.session")}
              labelClassName="govuk-label--s"
              hint={t("form.sessionHint")}
              error={errors.session}
              defaultValue={values.session ?? ""}
              options={[
                { value: "", label: t("form.noSession") },
                ...sessions.map((s) => ({ value: String(s.id), label: s.title, lang: CONTENT_LANGUAGE })),
              ]}
            />
          )}
          <Radios
            name="rating"
            legend={t("form.rating")}
            legendClassName="govuk-fieldset__legend--m"
            error={errors.rating}
            defaultValue={values.rating ?? ""}
            options={RATINGS.map((r) => ({ value: String(r), label: t(`form.ratings.${RATING_SLUGS[r]}`) }))}
          />
          <Textarea
            id="good"
            name="good"
            label={t("form.good")}
            labelClassName="govuk-label--s"
            hint={t("form.textHint", { count: TEXT_MAX })}
            error={errors.good}
            defaultValue={values.good}
            maxLength={TEXT_MAX}
            rows={3}
          />
          <Textarea
            id="better"
            name="better"
            label={t("form.better")}
            labelClassName="govuk-label--s"
            hint={t("form.textHint", { count: TEXT_MAX })}
            error={errors.better}
            defaultValue={values.better}
            maxLength={TEXT_MAX}
            rows={3}
          />
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("form.wish")}</legend>
            <div className="govuk-hint">{t("form.wishHint")}</div>
            <Select
              id="wishType"
              name="wishType"
              label={t("form.wishType")}
              error={errors.wishType}
              defaultValue={values.wishType ?? ""}
              options={[choose, ...WISH_TYPES.map((w) => ({ value: w, label: w === "other" ? t("form.wishOther") : t(`common:types.${w}`) }))]}
            />
            <Select
              id="wishDay"
              name="wishDay"
              label={t("form.wishDay")}
              error={errors.wishDay}
              defaultValue={values.wishDay ?? ""}
              options={[choose, ...WISH_DAYS.map((d) => ({ value: d, label: t(`common:days.${d}`) }))]}
            />
            <Select
              id="wishTime"
              name="wishTime"
              label={t("form.wishTime")}
              error={errors.wishTime}
              defaultValue={values.wishTime ?? ""}
              options={[choose, ...WISH_TIMES.map((w) => ({ value: w, label: t(`form.times.${w}`) }))]}
            />
            <TextInput
              id="wishNotes"
              name="wishNotes"
              label={t("form.wishNotes")}
              hint={t("form.textHint", { count: WISH_NOTES_MAX })}
              error={errors.wishNotes}
              defaultValue={values.wishNotes}
            />
          </fieldset>
          <Radios
            name="ageBand"
            legend={t("form.ageBand")}
            legendClassName="govuk-fieldset__legend--m"
            hint={t("form.ageBandHint")}
            error={errors.ageBand}
            small
            defaultValue={values.ageBand ?? ""}
            options={[
              ...FEEDBACK_AGE_BANDS.map((b) => ({ value: b, label: t(`common:ageBands.${b}`) })),
              { value: "none", label: t("form.notSay") },
            ]}
          />
          <Radios
            name="hearBack"
            legend={t("form.hearBack")}
            legendClassName="govuk-fieldset__legend--m"
            hint={t("form.hearBackHint")}
            error={errors.hearBack}
            defaultValue={values.hearBack ?? "no"}
            options={[
              { value: "no", label: t("form.hearBackNo") },
              { value: "email", label: t("form.hearBackEmail") },
              { value: "sms", label: t("form.hearBackSms") },
            ]}
          />
          <TextInput
            id="email"
            name="email"
            type="email"
            label={t("form.email")}
            hint={t("form.emailHint")}
            error={errors.email}
            defaultValue={values.email}
            autoComplete="email"
            spellCheck={false}
          />
          <TextInput
            id="phone"
            name="phone"
            type="tel"
            label={t("form.phone")}
            hint={t("form.phoneHint")}
            error={errors.phone}
            defaultValue={values.phone}
            autoComplete="tel"
            className="govuk-input--width-20"
          />
          <div className="app-honeypot" aria-hidden="true">
            <label htmlFor="website">{t("form.honeypot")}</label>
            <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <button type="submit" className="govuk-button" disabled={navigation.state === "submitting"}>
            {t("form.submit")}
          </button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/privacy">
            {t("form.privacyLink")}
          </Link>
        </p>
      </div>
    </div>
  );
}

/** After sending, and for a link already used: what happens next, and the way back to the hub. */
export function FeedbackDone({ kind, hubSlug, hubName }: { kind: "thanks" | "used"; hubSlug: string | null; hubName: string | null }) {
  const { t } = useTranslation("feedback");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {kind === "thanks" ? (
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">{t("thanks.heading")}</h1>
          </div>
        ) : (
          <h1 className="govuk-heading-l">{t("used.heading")}</h1>
        )}
        <p className="govuk-body">{kind === "thanks" ? t("thanks.body") : t("used.body")}</p>
        <p className="govuk-body">{t("thanks.next")}</p>
        {hubSlug && hubName && (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/hubs/${hubSlug}#you-said-we-did`}>
              {t("thanks.backToHub", { name: hubName })}
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}
