// "I signposted a family here": one tap on a session or hub page records it in the signposting log
// (staff.signposts). Shown only to signed-in staff; a plain form, so it works without JavaScript.
import { Form, Link, useLocation, useNavigation } from "@remix-run/react";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { AGE_BANDS } from "~/domain/age-bands";
import { Select } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/success-banner";

type Target = { seriesId: number; venueId?: undefined } | { venueId: number; seriesId?: undefined };

/**
 * Families never see this, so public pages do not ship the "outreach" words; a member of staff's
 * browser fetches them after the page loads, keeping the server's HTML meanwhile.
 */
export function SignpostButton({ staff, ...target }: { staff: boolean | string | null | undefined } & Target) {
  if (!staff) return null;
  return (
    <Suspense fallback={null}>
      <SignpostForm {...target} />
    </Suspense>
  );
}

function SignpostForm(target: Target) {
  const { t } = useTranslation("outreach");
  const location = useLocation();
  const navigation = useNavigation();

  const params = new URLSearchParams(location.search);
  const signposted = params.get("signposted") === "1";
  // Back to this page afterwards, without the previous "done" flag.
  params.delete("signposted");
  const query = params.toString();
  const returnTo = `${location.pathname}${query ? `?${query}` : ""}`;
  const sending = navigation.state === "submitting" && navigation.formAction === "/staff/signposts";

  return (
    <section className="govuk-!-margin-top-6" id="signpost" aria-labelledby="signpost-heading">
      {signposted && <SuccessBanner title={t("signpost.successTitle")} heading={t("signpost.success")} titleId="signpost-success-title" />}
      <h2 className="govuk-heading-m" id="signpost-heading">
        {t("signpost.heading")}
      </h2>
      <p className="govuk-body" id="signpost-hint">
        {target.seriesId !== undefined ? t("signpost.explainedSession") : t("signpost.explainedHub")}
      </p>
      <Form method="post" action="/staff/signposts" aria-describedby="signpost-hint">
        {target.seriesId !== undefined ? (
          <input type="hidden" name="seriesId" value={target.seriesId} />
        ) : (
          <input type="hidden" name="venueId" value={target.venueId} />
        )}
        <input type="hidden" name="returnTo" value={returnTo} />
        <Select
          id="signpost-age-band"
          name="ageBand"
          label={t("signpost.ageBand")}
          defaultValue=""
          options={[
            { value: "", label: t("signpost.anyAgeBand") },
            ...AGE_BANDS.map((band) => ({ value: band, label: t(`common:ageBands.${band}`) })),
          ]}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={sending}>
          {t("signpost.button")}
        </button>
      </Form>
      <p className="govuk-body">
        <Link className="govuk-link" to="/staff/signposts">
          {t("signpost.yourLog")}
        </Link>
      </p>
    </section>
  );
}
