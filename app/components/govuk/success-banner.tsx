import type { ReactNode } from "react";

/**
 * GOV.UK success notification banner, shown after something has been done. `role="alert"` so it
 * is announced on arrival; without a title it is just the message (as after signing out).
 */
export function SuccessBanner({
  title,
  heading,
  titleId = "done-title",
  children,
}: {
  title?: string;
  heading: ReactNode;
  titleId?: string;
  children?: ReactNode;
}) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby={title ? titleId : undefined}>
      {title && (
        <div className="govuk-notification-banner__header">
          <h2 className="govuk-notification-banner__title" id={titleId}>
            {title}
          </h2>
        </div>
      )}
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}
