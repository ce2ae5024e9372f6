// On paper (the printed timetable and register): a QR code to the hub's "Tell us what you think"
// page, so walk-ins and families who never book can give feedback from their phone.
import { useTranslation } from "react-i18next";
import { QrCode } from "~/components/share-panel";

export function FeedbackQr({ qr, url }: { qr: string; url: string }) {
  const { t } = useTranslation("feedback");
  return (
    <figure className="app-print__qr app-feedback-qr">
      <QrCode svg={qr} label={t("print.qrLabel")} />
      <figcaption className="govuk-body-s">
        <strong>{t("print.qrCaption")}</strong>
        <br />
        <span className="app-print__url" dir="ltr">
          {url}
        </span>
      </figcaption>
    </figure>
  );
}
