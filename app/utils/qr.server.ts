// QR codes as inline SVG, drawn on the server so they work without JavaScript and print sharply.
import QRCode from "qrcode";

/** Only our own http(s) links are ever encoded. */
function assertLink(url: string) {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error(`Refusing to draw a QR code for ${parsed.protocol} link`);
}

/**
 * SVG markup for a QR code of the link. The output of `qrcode` is only paths, but it is checked all
 * the same before it is put into a page: it must be one <svg> element with nothing active in it.
 * The SVG is hidden from assistive technology; the wrapper (see QrCode) names what it opens.
 */
export async function qrSvg(url: string): Promise<string> {
  assertLink(url);
  const svg = (await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" })).trim();
  if (
    !svg.startsWith("<svg") ||
    !svg.endsWith("</svg>") ||
    /<script|<foreignObject|\son\w+\s*=|javascript:|<!\[CDATA|xlink:href|href=/i.test(svg)
  ) {
    throw new Error("Unexpected QR code output");
  }
  return svg.replace(/^<svg\b/, '<svg aria-hidden="true" focusable="false" class="app-qr__svg"');
}
