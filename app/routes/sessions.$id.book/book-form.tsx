// The booking form as a family (or a member of staff on a family's behalf) sees it.
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Checkboxes, ErrorMessage, Select, SingleCheckbox, Textarea, TextInput } from "~/components/govuk/fields";
import { AgeRangeText } from "~/components/session-card";
import { CONTENT_ATTRIBUTES, LANGUAGE_NAMES, OFFERED_LANGUAGES } from "~/i18n";
import { ageOptionsFor, bookingFieldOrder, childAgeChoicesFor, childFieldName } from "~/utils/booking-form";
import { formatDate, formatTimeRange } from "~/utils/format";
import type { ActionResult } from "./booking-request.server";
import type { action, loader } from "./route";
import { BackLink } from "~/components/govuk/back-link";
import { WarningText } from "~/components/govuk/warning-text";
import { HomePostcodeField } from "~/components/home-postcode-field";

export function BookForm() {
  const { series, venue, dates, selected, maxChildren, staff, started, submission } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (ActionResult & { title: string }) | undefined;
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("booking");
  const lng = i18n.language;
  const values = result?.values ?? {};
  const errors = result?.errors ?? {};
  const fields = bookingFieldOrder(maxChildren);
  const afterChildren = fields.indexOf("adults");
  // Page order: staff see the family's agreement and language first, and the age override after the ages.
  const order = [
    "form",
    ...(staff ? ["familyAgreed", "familyLanguage"] : []),
    ...fields.slice(0, afterChildren),
    "ageOverride",
    ...fields.slice(afterChildren),
  ];
  const errorList = order
    .filter((f) => errors[f])
    .map((f) => ({ href: f === "form" ? "#book-form" : f === "occurrence" ? "#occurrence" : `#${f}`, text: errors[f] }));
  const ages = childAgeChoicesFor(series, Boolean(staff?.mayOverrideAge));
  const isCourse = series.bookingMode === "course";
  const childPlaces = series.placeUnit === "child";

  if (series.bookingMode === "drop-in") {
    return (
      <>
        <h1 className="govuk-heading-l" {...CONTENT_ATTRIBUTES}>
          {series.title}
        </h1>
        <p className="govuk-body">{t("venue:session.bookingExplained.drop-in")}</p>
        <Link className="govuk-link" to={`/sessions/${series.id}`}>
          {t("form.back")}
        </Link>
      </>
    );
  }

  if (result?.notice === "check-messages") return <CheckMessages seriesId={series.id} staff={staff !== null} />;

  if (started) {
    return (
      <>
        <BackLink to={`/sessions/${series.id}`}>{t("form.back")}</BackLink>
        <h1 className="govuk-heading-l">{t("form.heading", { title: series.title })}</h1>
        <p className="govuk-body">{t("errors.notBookable.started")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/search">
            {t("manage.findMore")}
          </Link>
        </p>
      </>
    );
  }

  const chosen = values.occurrence ?? (selected ? String(selected) : "");
  const familyLanguage = values.familyLanguage ?? ((OFFERED_LANGUAGES as string[]).includes(lng) ? lng : "en");

  // Worded once per language and list, for all the child fields and every later render.
  const ageChoices = ageOptionsFor(ages, t, lng);
  const ageOptions = (i: number) => [{ value: "", label: i === 0 ? t("form.chooseAge") : t("form.noOtherChild") }, ...ageChoices];
  const moreChildren = Array.from({ length: maxChildren - 1 }, (_, i) => childFieldName(i + 1));
  const moreChildrenOpen = moreChildren.some((name) => values[name] || errors[name]);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/sessions/${series.id}`}>{t("form.back")}</BackLink>
        <ErrorSummary errors={errorList} />
        <h1 className="govuk-heading-l app-book__heading">{t("form.heading", { title: series.title })}</h1>
        <p className="govuk-body app-book__about">
          {venue.kind === "online" ? t("common:session.online") : venue.name}
          {" · "}
          <AgeRangeText range={series} />
        </p>
        {staff && (
          <div className="govuk-inset-text">
            <p className="govuk-body govuk-!-font-weight-bold">{t("outreach:book.inset")}</p>
            <p className="govuk-body govuk-!-margin-bottom-0">{t("outreach:book.insetBody", { name: staff.name })}</p>
          </div>
        )}

        {result?.full && (
          <WarningText label={t("form.warning")} role="alert">
            {t("form.fullTitle", { count: result.full.placesLeft })} {t("form.fullBody")}
          </WarningText>
        )}

        <Form method="post" id="book-form" className="app-book" noValidate>
          {/* One key per form shown: sent twice (a double tap), it finds the first booking. */}
          <input type="hidden" name="submission" value={values.submission ?? submission} />
          {staff && (
            <>
              <input type="hidden" name="onBehalf" value="1" />
              <Checkboxes
                name="familyAgreed"
                legend={t("outreach:book.agreementLegend")}
                legendClassName="govuk-fieldset__legend--m"
                hint={t("outreach:book.agreementHint")}
                error={errors.familyAgreed}
                small
                options={[{ value: "yes", label: t("outreach:book.familyAgreed"), hint: <PrivacyLink /> }]}
                defaultValue={values.familyAgreed === "yes" ? ["yes"] : []}
              />
              <Select
                id="familyLanguage"
                name="familyLanguage"
                label={t("outreach:book.familyLanguage")}
                hint={t("outreach:book.familyLanguageHint")}
                error={errors.familyLanguage}
                defaultValue={familyLanguage}
                options={OFFERED_LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code], lang: code }))}
              />
            </>
          )}
          {isCourse ? (
            <div className="govuk-form-group">
              <h2 className="govuk-heading-s">{t("form.courseDates", { count: dates.length })}</h2>
              <ul className="govuk-list govuk-list--bullet">
                {dates.map((d) => (
                  <li key={d.id}>
                    {formatDate(d.date, lng)}, {formatTimeRange(d.startTime, d.endTime, lng)}
                  </li>
                ))}
              </ul>
              <p className="govuk-body">{t("form.courseExplained")}</p>
              <ErrorMessage id="occurrence" error={errors.occurrence} />
            </div>
          ) : (
            // One select rather than twelve radios: the date tapped on the page before is already chosen.
            <Select
              id="occurrence"
              name="occurrence"
              label={t("form.date")}
              labelClassName="govuk-label--s"
              hint={dates.length === 0 ? t("form.noDates") : undefined}
              error={errors.occurrence}
              defaultValue={chosen}
              options={[
                ...(chosen ? [] : [{ value: "", label: t("form.chooseDate") }]),
                ...dates.map((d) => ({
                  value: String(d.id),
                  label: `${formatDate(d.date, lng)}, ${formatTimeRange(d.startTime, d.endTime, lng)} (${
                    d.placesLeft === 0 ? t("form.fullShort") : t("common:session.placesLeft", { count: d.placesLeft ?? 0 })
                  })`,
                })),
              ]}
            />
          )}

          {childPlaces ? (
            <>
              <div className="app-book__row">
                <Select
                  id={childFieldName(0)}
                  name={childFieldName(0)}
                  label={t("form.oneChildAge")}
                  labelClassName="govuk-label--s"
                  error={errors[childFieldName(0)]}
                  defaultValue={values[childFieldName(0)] ?? ""}
                  options={ageOptions(0)}
                />
                <AdultsSelect error={errors.adults} value={values.adults} />
              </div>
              {moreChildren.length > 0 && (
                <details className="govuk-details app-book__more" open={moreChildrenOpen}>
                  <summary className="govuk-details__summary">
                    <span className="govuk-details__summary-text">{t("form.moreChildren")}</span>
                  </summary>
                  <div className="govuk-details__text">
                    {moreChildren.map((name, i) => (
                      <Select
                        key={name}
                        id={name}
                        name={name}
                        label={t("form.childAge", { number: i + 2 })}
                        error={errors[name]}
                        defaultValue={values[name] ?? ""}
                        options={ageOptions(i + 1)}
                      />
                    ))}
                  </div>
                </details>
              )}
              {staff?.mayOverrideAge && (
                <SingleCheckbox
                  name="ageOverride"
                  value="yes"
                  label={t("outreach:book.ageOverride")}
                  hint={t("outreach:book.ageOverrideHint")}
                  error={errors.ageOverride}
                  checked={values.ageOverride === "yes"}
                  small
                />
              )}
            </>
          ) : (
            <>
              <p className="govuk-body">{t("form.adultPlaces")}</p>
              <AdultsSelect error={errors.adults} value={values.adults} />
            </>
          )}

          {staff && <h2 className="govuk-heading-m">{t("outreach:book.familyDetails")}</h2>}
          <TextInput
            id="name"
            name="name"
            label={staff ? t("outreach:book.name") : t("form.firstName")}
            labelClassName="govuk-label--s"
            error={errors.name}
            defaultValue={values.name}
            autoComplete={staff ? "off" : "given-name"}
            spellCheck={false}
          />
          {staff ? (
            <>
              <TextInput
                id="email"
                name="email"
                type="email"
                label={t("form.email")}
                hint={t("outreach:book.contactHint")}
                error={errors.email}
                defaultValue={values.email}
                autoComplete="off"
                spellCheck={false}
              />
              <TextInput
                id="phone"
                name="phone"
                type="tel"
                label={t("form.phone")}
                hint={t("outreach:book.phoneHint")}
                error={errors.phone}
                defaultValue={values.phone}
                autoComplete="off"
                className="govuk-input--width-20"
              />
            </>
          ) : (
            // One field: an email address or a UK mobile, whichever the family uses.
            <TextInput
              id="contact"
              name="contact"
              label={t("form.contact")}
              labelClassName="govuk-label--s"
              hint={t("form.contactOneHint")}
              error={errors.contact}
              defaultValue={values.contact}
              autoComplete="email"
              inputMode="email"
              spellCheck={false}
              dir="ltr"
            />
          )}
          <details className="govuk-details app-book__more" open={Boolean(values.accessNeeds || errors.accessNeeds)}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">{staff ? t("outreach:book.accessNeeds") : t("form.accessNeedsShort")}</span>
            </summary>
            <div className="govuk-details__text">
              <Textarea
                id="accessNeeds"
                name="accessNeeds"
                label={staff ? t("outreach:book.accessNeeds") : t("form.accessNeeds")}
                hint={t(staff ? "form.accessNeedsHintOnBehalf" : "form.accessNeedsHint")}
                error={errors.accessNeeds}
                defaultValue={values.accessNeeds}
                rows={3}
              />
            </div>
          </details>
          <HomePostcodeField error={errors.homePostcode} defaultValue={values.homePostcode} />
          <div className="app-honeypot" aria-hidden="true">
            <label htmlFor="website">{t("form.honeypot")}</label>
            <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          {!staff && (
            <SingleCheckbox
              name="consent"
              value="yes"
              // One short line; the link sits under it, not inside the label, so a tap on the words ticks the box.
              label={t("form.consentLine")}
              hint={<PrivacyLink />}
              error={errors.consent}
              checked={values.consent === "yes"}
              small
            />
          )}
          {result?.full && <input type="hidden" name="waitlist" value="1" />}
          <button type="submit" className="govuk-button app-book__submit" disabled={navigation.state === "submitting"}>
            {result?.full ? t("form.joinWaitingList") : isCourse ? t("form.submitCourse") : t("form.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}

function AdultsSelect({ error, value }: { error?: string; value?: string }) {
  const { t } = useTranslation("booking");
  return (
    <Select
      id="adults"
      name="adults"
      label={t("form.adultsShort")}
      labelClassName="govuk-label--s"
      error={error}
      defaultValue={value ?? "1"}
      options={["1", "2", "3", "4"].map((n) => ({ value: n, label: n }))}
    />
  );
}

/**
 * The answer when this email address or mobile number already holds the booking. It never says so:
 * a family that has booked is sent to the message they were sent, and the words are the same for
 * anyone, so the form cannot be used to find out who is booked.
 */
function CheckMessages({ seriesId, staff }: { seriesId: number; staff: boolean }) {
  const { t } = useTranslation("booking");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("checkMessages.heading")}</h1>
        <p className="govuk-body">{t("checkMessages.notBookedAgain")}</p>
        <p className="govuk-body">{staff ? t("checkMessages.staffBody") : t("checkMessages.body")}</p>
        <p className="govuk-body">{t("checkMessages.help")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/sessions/${seriesId}`}>
            {t("checkMessages.back")}
          </Link>
        </p>
      </div>
    </div>
  );
}

/** Beside the consent box; opens in a new tab so the half-filled form is not lost. */
function PrivacyLink() {
  const { t } = useTranslation("booking");
  return (
    <Link className="govuk-link" to="/privacy" target="_blank" rel="noreferrer">
      {t("form.privacyLink")}
    </Link>
  );
}
