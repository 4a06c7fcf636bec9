// Formats of a scheme's contact details: UK phone numbers and https: links. Pure, with no imports:
// the panels (also in the browser, in the settings page's preview) and the form's rules use them.

/** Digits of a UK number as dialled from the UK ("+44 (0)300…" becomes "0300…"), or null. */
export function ukPhoneDigits(value: string): string | null {
  if (!/^[+0-9 ()\-.]+$/.test(value)) return null;
  let digits = value.replace(/[^0-9+]/g, "");
  if (digits.indexOf("+") > 0) return null;
  if (digits.startsWith("+44")) digits = `0${digits.slice(3).replace(/^0/, "")}`;
  else if (digits.startsWith("0044")) digits = `0${digits.slice(4).replace(/^0/, "")}`;
  if (digits.startsWith("+")) return null;
  // 999, 112, 111 and 101: the emergency, NHS and police numbers a scheme may point to.
  if (/^(999|112|111|101)$/.test(digits)) return digits;
  // Landlines (01, 02), non-geographic (03, 08), mobiles (07), corporate (05): 10 or 11 digits.
  return /^0[1235789][0-9]{8,9}$/.test(digits) ? digits : null;
}

/** The `tel:` address of a number that passed ukPhoneDigits. */
export function telHref(digits: string): string {
  return digits.startsWith("0") ? `tel:+44${digits.slice(1)}` : `tel:${digits}`;
}

/** True for an absolute https: address with a host and no user name or password in it. */
export function isHttpsLink(value: string): boolean {
  if (!/^https:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".") && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}
