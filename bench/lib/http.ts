// Driving the site over HTTP the way a browser with JavaScript off does: read a page's forms
// (test/support/html-forms.ts) and post them back.
import { type HtmlForm, actionFields, findForm, formValues } from "../../test/support/html-forms";

/** A multipart body (what a browser sends for these forms), with its content type. */
export function multipart(entries: [string, string][]): { body: Buffer; contentType: string } {
  const boundary = `----bench${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
  const parts = entries.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, "%22")}"\r\n\r\n${value}\r\n`);
  return { body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The name=value pairs of a response's Set-Cookie headers. */
export function setCookies(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const i = pair!.indexOf("=");
    out.set(pair!.slice(0, i).trim(), pair!.slice(i + 1).trim());
  }
  return out;
}

export const SESSION_COOKIE = "authjs.session-token";

export async function getHtml(url: string, cookie?: string): Promise<string> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return text;
}

/** Posts a page's form as a browser would (same-origin, no JavaScript). Never follows redirects. */
export async function postForm(base: string, pagePath: string, form: HtmlForm, overrides: Record<string, string>, cookie?: string, signal?: AbortSignal): Promise<Response> {
  const entries = [...actionFields(form), ...formValues(form).filter(([k]) => !(k in overrides)), ...Object.entries(overrides)];
  const { body, contentType } = multipart(entries);
  const url = new URL(form.action && !form.action.startsWith("javascript:") ? form.action : pagePath, base);
  return fetch(url, {
    method: "POST",
    headers: { "content-type": contentType, origin: base, ...(cookie ? { cookie } : {}) },
    body: new Uint8Array(body),
    redirect: "manual",
    signal,
  });
}

/** Signs in through the real sign-in form; returns the Cookie header value for the session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const html = await getHtml(`${base}/sign-in`);
  const res = await postForm(base, "/sign-in", findForm(html, "Sign in"), { email, password });
  await res.arrayBuffer();
  const token = setCookies(res).get(SESSION_COOKIE);
  if (res.status !== 303 || !token) throw new Error(`signing in ${email} failed: HTTP ${res.status}`);
  return `${SESSION_COOKIE}=${token}`;
}
