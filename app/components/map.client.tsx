// Leaflet lives only in the browser (the .client suffix keeps it out of the server build).
import L from "leaflet";
import leafletCss from "leaflet/dist/leaflet.css";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { AttributionControl, MapContainer, Marker, Popup, TileLayer, ZoomControl } from "react-leaflet";
import { textDirection } from "~/i18n";

export type MapMarker = { id: string; latitude: number; longitude: number; place: string; label: string; href: string };

function useStylesheet(href: string) {
  useEffect(() => {
    if (document.querySelector(`link[href="${href}"]`)) return;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.appendChild(link);
  }, [href]);
}

/** Sessions at one venue share its coordinates: one marker per place, listing them all. */
function groupByPlace(markers: MapMarker[]) {
  const groups = new Map<string, { latitude: number; longitude: number; place: string; items: MapMarker[] }>();
  for (const m of markers) {
    const key = `${m.latitude},${m.longitude}`;
    const group = groups.get(key) ?? { latitude: m.latitude, longitude: m.longitude, place: m.place, items: [] };
    group.items.push(m);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A 24 px round marker whose name is the place, so keyboard and screen reader users know it. */
function placeIcon(place: string) {
  const name = document.createElement("span");
  name.className = "govuk-visually-hidden";
  name.textContent = place;
  return L.divIcon({ className: "app-map-marker", html: name, iconSize: [24, 24], iconAnchor: [12, 12], popupAnchor: [0, -12] });
}

export default function LeafletMap(props: { markers: MapMarker[]; tileUrl: string; attribution: string; label: string }) {
  useStylesheet(leafletCss);
  const { t, i18n } = useTranslation();
  const rtl = textDirection(i18n.language) === "rtl";
  const groups = useMemo(() => groupByPlace(props.markers).map((g) => ({ ...g, icon: placeIcon(g.place) })), [props.markers]);
  const bounds = groups.map((g) => [g.latitude, g.longitude] as [number, number]);
  const still = typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  return (
    <div className="app-map" role="region" aria-label={props.label}>
      <MapContainer
        bounds={bounds}
        boundsOptions={{ padding: [24, 24], maxZoom: 15 }}
        scrollWheelZoom={false}
        zoomControl={false}
        attributionControl={false}
        zoomAnimation={!still}
        fadeAnimation={!still}
        markerZoomAnimation={!still}
        style={{ height: "100%", width: "100%" }}
      >
        {/* Controls sit on the side the page reads from. */}
        <ZoomControl position={rtl ? "topright" : "topleft"} zoomInTitle={t("map.zoomIn")} zoomOutTitle={t("map.zoomOut")} />
        <AttributionControl position={rtl ? "bottomleft" : "bottomright"} />
        {props.tileUrl && <TileLayer url={props.tileUrl} attribution={props.attribution} />}
        {groups.map((g) => (
          <Marker
            key={`${g.latitude},${g.longitude}`}
            position={[g.latitude, g.longitude]}
            icon={g.icon}
            eventHandlers={{
              // Keyboard users land in the list of sessions, and Leaflet's close button speaks their language.
              popupopen: (e) => {
                const popup = e.popup.getElement();
                popup?.querySelector(".leaflet-popup-close-button")?.setAttribute("aria-label", t("map.close"));
                // React draws the popup's links just after Leaflet opens it.
                requestAnimationFrame(() => popup?.querySelector<HTMLElement>(".leaflet-popup-content a")?.focus());
              },
            }}
          >
            <Popup autoPan={!still}>
              <p className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1">{g.place}</p>
              <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0 app-map-popup__list">
                {g.items.map((m) => (
                  <li key={m.id}>
                    <a className="govuk-link" href={m.href}>
                      {m.label}
                    </a>
                  </li>
                ))}
              </ul>
            </Popup>
          </Marker>
        ))}
      </MapContainer>
    </div>
  );
}
