// Sharing and printing, the parts the pages have in common: the QR code, the share panel (link,
// QR code, text message, email) with its language choice, and the printed week timetable.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CopyButton, PrintButton } from "~/components/copy-button";
import { BackLink } from "~/components/govuk/back-link";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Select, TextInput } from "~/components/govuk/fields";
import { Tag } from "~/components/govuk/tag";
import { Ltr } from "~/components/ltr";
import type { PrintData, ShareData } from "~/domain/share";
import { CONTENT_ATTRIBUTES, textDirection } from "~/i18n";
import { formatNumber } from "~/utils/format";

/**
 * The share pages of a session, a hub and a search: what leads back (breadcrumbs or a back link),
 * the heading, the family's language choice, then the panel and anything printable.
 */
export function SharePage(p: {
  top: ReactNode;
  caption?: string;
  heading: ReactNode;
  lead?: ReactNode;
  action: string;
  hidden?: Record<string, string>;
  state: Pick<ShareData, "familyLang" | "languages"> & { pageLang: string; error: string | null; share: ShareData | null };
  qrLabel: string;
  linkLabel: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation("share");
  const { state } = p;
  return (
    <>
      {p.top}
      <ErrorSummary errors={state.error ? [{ href: "#lang", text: state.error }] : []} />
      {p.caption && <span className="govuk-caption-l">{p.caption}</span>}
      <h1 className="govuk-heading-l">{p.heading}</h1>
      {p.lead}
      <p className="govuk-body">{t("intro")}</p>
      <LanguageForm
        action={p.action}
        share={{ familyLang: state.familyLang, languages: state.languages }}
        pageLang={state.pageLang}
        hidden={p.hidden}
        error={state.error ?? undefined}
      />
      {state.share && (
        <SharePanel share={state.share} qrLabel={p.qrLabel} linkLabel={p.linkLabel}>
          {p.children}
        </SharePanel>
      )}
      <p className="govuk-body app-share__privacy">{t("privacy")}</p>
    </>
  );
}

/** An inline SVG QR code, named for screen readers by what it opens. */
export function QrCode({ svg, label, className }: { svg: string; label: string; className?: string }) {
  return (
    <div
      className={["app-qr", className].filter(Boolean).join(" ")}
      role="img"
      aria-label={label}
      // Our own server-drawn SVG (see qrSvg): paths only, checked before it gets here.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

/** The GET form that changes the language of the message, keeping the page in the worker's language. */
export function LanguageForm({
  action,
  share,
  pageLang,
  hidden = {},
  error,
}: {
  action: string;
  share: Pick<ShareData, "familyLang" | "languages">;
  pageLang: string;
  hidden?: Record<string, string>;
  error?: string;
}) {
  const { t } = useTranslation("share");
  return (
    <form method="get" action={action} className="app-share__language" aria-label={t("language.formLabel")}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="lng" value={pageLang} />
      <Select
        id="lang"
        name="lang"
        label={t("language.label")}
        labelClassName="govuk-label--s"
        hint={t("language.hint")}
        error={error}
        defaultValue={share.familyLang}
        options={share.languages.map((l) => ({ value: l.code, label: l.name, lang: l.code }))}
        after={
          <button type="submit" className="govuk-button govuk-button--secondary app-share__language-button">
            {t("language.submit")}
          </button>
        }
      />
    </form>
  );
}

/** Link, QR code, text message and email, for one thing to share. */
export function SharePanel({
  share,
  qrLabel,
  linkLabel,
  children,
}: {
  share: ShareData;
  qrLabel: string;
  linkLabel: string;
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation("share");
  const lng = i18n.language;
  const dir = textDirection(share.familyLang);
  return (
    <div className="app-share">
      <section aria-labelledby="share-link-heading">
        <h2 className="govuk-heading-m" id="share-link-heading">
          {t("panel.linkHeading")}
        </h2>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="share-link">
            {linkLabel}
          </label>
          <input className="govuk-input app-share__link" id="share-link" type="url" value={share.link} readOnly dir="ltr" spellCheck={false} />
        </div>
        <CopyButton text={share.link} label={t("copy.link")} />
      </section>

      <section aria-labelledby="share-qr-heading">
        <h2 className="govuk-heading-m" id="share-qr-heading">
          {t("panel.qrHeading")}
        </h2>
        <p className="govuk-body">{t("panel.qrHint")}</p>
        <QrCode svg={share.qr} label={qrLabel} />
      </section>

      <section aria-labelledby="share-sms-heading">
        <h2 className="govuk-heading-m" id="share-sms-heading">
          {t("panel.smsHeading")}
        </h2>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="share-sms">
            {t("panel.smsLabel")}
          </label>
          <div className="govuk-hint" id="share-sms-count">
            {t("panel.smsCount", {
              count: share.sms.segments,
              characters: formatNumber(share.sms.length, lng),
              messages: formatNumber(share.sms.segments, lng),
            })}
          </div>
          <textarea
            className="govuk-textarea app-share__sms"
            id="share-sms"
            rows={4}
            value={share.sms.text}
            readOnly
            lang={share.familyLang}
            dir={dir}
            aria-describedby="share-sms-count"
          />
        </div>
        <p className="govuk-body">
          <a className="govuk-link" href={share.sms.href}>
            {t("panel.smsOpen")}
          </a>
        </p>
        <CopyButton text={share.sms.text} label={t("copy.text")} />
      </section>

      <section aria-labelledby="share-email-heading">
        <h2 className="govuk-heading-m" id="share-email-heading">
          {t("panel.emailHeading")}
        </h2>
        <p className="govuk-body">
          {t("panel.emailSubject")}{" "}
          <span lang={share.familyLang} dir={dir}>
            {share.email.subject}
          </span>
        </p>
        <p className="govuk-body">
          <a className="govuk-link" href={share.email.href}>
            {t("panel.emailOpen")}
          </a>
        </p>
      </section>
      {children}
    </div>
  );
}

/** The printed week: large type, one section a day, and a QR code to the page online. */
export function PrintTimetable({
  data,
  backTo,
  backLabel,
  showVenue,
}: {
  data: PrintData;
  backTo: string;
  backLabel: string;
  showVenue: boolean;
}) {
  const { t } = useTranslation("share");
  return (
    <div className="app-print">
      <div className="app-print__screen-only">
        <p className="govuk-body">
          <BackLink className="app-print__back" to={backTo}>
            {backLabel}
          </BackLink>
        </p>
        <PeriodForm period="week" value={data.week} example={data.thisWeek} />
        <nav className="govuk-pagination govuk-pagination--block" aria-label={t("print.otherWeeks")}>
          <div className="govuk-pagination__prev">
            <Link className="govuk-link govuk-pagination__link" to={`?week=${data.prevWeek}`} rel="prev">
              <span className="govuk-pagination__link-title">{t("print.previousWeek")}</span>
            </Link>
          </div>
          <div className="govuk-pagination__next">
            <Link className="govuk-link govuk-pagination__link" to={`?week=${data.nextWeek}`} rel="next">
              <span className="govuk-pagination__link-title">{t("print.nextWeek")}</span>
            </Link>
          </div>
        </nav>
        <p className="govuk-body">{t("print.hint")}</p>
        <PrintButton label={t("print.button")} />
      </div>

      <header className="app-print__header">
        <div className="app-print__title">
          <span className="govuk-caption-l">{data.caption}</span>
          <h1 className="govuk-heading-l app-print__heading">{data.name}</h1>
          {data.isSample && (
            <Tag colour="grey" className="app-print__sample">
              {t("common:layout.sampleTag")}
            </Tag>
          )}
          <p className="govuk-body-l app-print__week">{t("print.weekHeading", { dates: data.weekHeading })}</p>
        </div>
        <figure className="app-print__qr">
          <QrCode svg={data.qr} label={t("print.qrLabel", { name: data.name })} />
          <figcaption className="govuk-body-s">
            {t("print.qrCaption")}
            <br />
            <span className="app-print__url" dir="ltr">
              {data.onlineUrl}
            </span>
          </figcaption>
        </figure>
      </header>

      <div className="app-print__days">
        {data.days.map((day) => (
          <section key={day.date} className="app-print__day" aria-labelledby={`print-${day.date}`}>
            <h2 className="govuk-heading-m app-print__day-heading" id={`print-${day.date}`}>
              {day.heading}
            </h2>
            {day.sessions.length === 0 ? (
              <p className="govuk-body app-print__none">{t("print.nothingOn")}</p>
            ) : (
              <ul className="govuk-list app-print__sessions">
                {day.sessions.map((s) => (
                  <li key={s.id} className="app-print__session">
                    <span className="app-print__time">
                      <Ltr>{s.time}</Ltr>
                    </span>{" "}
                    <strong className="app-print__session-title" {...CONTENT_ATTRIBUTES}>
                      {s.title}
                    </strong>
                    {s.cancelled && (
                      <>
                        {" "}
                        <Tag colour="red">{t("common:session.cancelled")}</Tag>
                      </>
                    )}
                    <br />
                    <span className="app-print__facts">
                      {[s.type, s.age, s.booking, s.cost].join(" · ")}
                      {showVenue && s.venue && (
                        <>
                          <br />
                          {t("print.where", { venue: s.venue })}
                        </>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>

      <section className="app-print__places" aria-labelledby="print-places">
        <h2 className="govuk-heading-m" id="print-places">
          {data.places.length === 1 ? t("print.address") : t("print.places")}
        </h2>
        <ul className="govuk-list app-print__place-list">
          {data.places.map((p) => (
            <li key={p.name}>
              {data.places.length > 1 && <strong>{p.name}</strong>}
              {data.places.length > 1 && p.lines.length > 0 && ": "}
              <span {...CONTENT_ATTRIBUTES}>{p.lines.join(", ")}</span>
              {p.phone && (
                <>
                  <br />
                  {t("print.phone")}: <Ltr>{p.phone}</Ltr>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <p className="govuk-body-s app-print__generated">{t("print.generated", { date: data.generated })}</p>
    </div>
  );
}

const PERIOD_FORM = {
  week: {
    className: "app-print__week-form",
    form: "print.weekFormLabel",
    label: "print.weekLabel",
    hint: "print.weekHint",
    submit: "print.weekSubmit",
  },
  month: { className: "app-print__screen-only", form: "month.formLabel", label: "month.label", hint: "month.hint", submit: "month.submit" },
} as const;

/**
 * Choose a week ("2026-W48") or a month ("2026-11") by typing it: the plain, JavaScript-free way to
 * reach any period of a printed timetable.
 */
export function PeriodForm({ period, value, example, error }: { period: "week" | "month"; value: string; example: string; error?: string }) {
  const { t, i18n } = useTranslation("share");
  const keys = PERIOD_FORM[period];
  return (
    <form method="get" className={keys.className} aria-label={t(keys.form)}>
      <input type="hidden" name="lng" value={i18n.language} />
      <TextInput
        id={period}
        name={period}
        label={t(keys.label)}
        labelClassName="govuk-label--s"
        hint={t(keys.hint, { example })}
        error={error}
        defaultValue={value}
        className="govuk-input--width-10"
        spellCheck={false}
        dir="ltr"
        after={
          <button type="submit" className="govuk-button govuk-button--secondary app-print__week-button">
            {t(keys.submit)}
          </button>
        }
      />
    </form>
  );
}
