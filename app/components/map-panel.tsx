// "Show map" for JavaScript users: Leaflet and the map code are fetched only when it is opened.
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useRouteLoaderData } from "@remix-run/react";
import type { RootData } from "~/root";
import { takeEarlyClick } from "~/utils/early-clicks";
import type { MapMarker } from "./map.client";

const LeafletMap = lazy(() => import("./map.client"));

export function MapPanel({ markers, startOpen = false }: { markers: MapMarker[]; startOpen?: boolean }) {
  const { t } = useTranslation();
  const root = useRouteLoaderData<RootData>("root");
  const [open, setOpen] = useState(startOpen);
  useEffect(() => {
    if (takeEarlyClick("map")) setOpen(true);
  }, []);
  // Without JavaScript there is no map (the panel stays hidden): the list is the whole answer.
  if (markers.length === 0 || !root) return null;
  return (
    <div className="app-map-panel app-js-only">
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        aria-expanded={open}
        aria-controls="app-map"
        data-early-click="map"
        // On a light page this tap also starts React (utils/light-pages), which then replays it.
        data-hydrate
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t("map.hide") : t("map.show")}
      </button>
      <div id="app-map" hidden={!open}>
        {open && <p className="govuk-hint">{t("map.help")}</p>}
        {open && (
          <Suspense fallback={<div className="app-map app-map--loading">{t("map.loading")}</div>}>
            <LeafletMap markers={markers} tileUrl={root.map.tileUrl} attribution={root.map.attribution} label={t("map.label")} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
