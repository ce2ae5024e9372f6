// UK phone numbers: mobiles (for text messages) and landlines, stored as +44… and shown the
// usual way.

/** A UK phone number (01, 02, 03 or 07) in any common format, returned as +44…; null when it is not one. */
export function normaliseUkPhone(input: string): string | null {
  const digits = input.replace(/\(0\)/g, "").replace(/[\s\-().]/g, "");
  const national = digits.replace(/^(\+44|0044|44)/, "0");
  return /^0(1\d{8,9}|[237]\d{9})$/.test(national) ? `+44${national.slice(1)}` : null;
}

/** "+441214960000" → "0121 496 0000", "+447700900123" → "07700 900123". */
export function formatUkPhone(e164: string): string {
  if (!e164.startsWith("+44")) return e164;
  if (e164.startsWith("+447")) return formatUkMobile(e164);
  const n = `0${e164.slice(3)}`;
  if (/^02/.test(n)) return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  if (/^(01\d1|011|03)/.test(n)) return `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`;
  return `${n.slice(0, 5)} ${n.slice(5)}`;
}

/** A UK mobile number in any common format, returned as +447…; null when it is not one. */
export function normaliseUkMobile(input: string): string | null {
  const digits = input.replace(/[\s\-().]/g, "");
  const national = digits.replace(/^(\+44|0044|44)/, "0");
  return /^07\d{9}$/.test(national) ? `+44${national.slice(1)}` : null;
}

/** "+447700900123" → "07700 900123", for showing a number back to people. */
export function formatUkMobile(e164: string): string {
  const national = `0${e164.slice(3)}`;
  return `${national.slice(0, 5)} ${national.slice(5)}`;
}
