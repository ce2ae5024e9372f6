// Leaflet lives only in the browser (the .client suffix keeps it out of the server build).
import { useEffect } from "react";
import { CircleMarker, MapContainer, Popup, TileLayer } from "react-leaflet";
import leafletCss from "leaflet/dist/leaflet.css";

export type MapMarker = { id: string; latitude: number; longitude: number; label: string; href: string };

function useStylesheet(href: string) {
  useEffect(() => {
    if (document.querySelector(`link[href="${href}"]`)) return;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.appendChild(link);
  }, [href]);
}

export default function LeafletMap(props: {
  markers: MapMarker[];
  tileUrl: string;
  attribution: string;
  label: string;
}) {
  useStylesheet(leafletCss);
  const bounds = props.markers.map((m) => [m.latitude, m.longitude] as [number, number]);
  return (
    <div className="app-map" role="region" aria-label={props.label}>
      <MapContainer
        bounds={bounds}
        boundsOptions={{ padding: [24, 24], maxZoom: 15 }}
        scrollWheelZoom={false}
        style={{ height: "100%", width: "100%" }}
      >
        {props.tileUrl && <TileLayer url={props.tileUrl} attribution={props.attribution} />}
        {props.markers.map((m) => (
          <CircleMarker
            key={m.id}
            center={[m.latitude, m.longitude]}
            radius={9}
            pathOptions={{ color: "#0b0c0c", weight: 2, fillColor: "#1d70b8", fillOpacity: 0.9 }}
          >
            <Popup>
              <a href={m.href}>{m.label}</a>
            </Popup>
          </CircleMarker>
        ))}
      </MapContainer>
    </div>
  );
}
