// Driving the site over HTTP the way a browser with JavaScript off does: read a page's forms
// (including the hidden inputs React renders for server actions) and post them back.
export type FormField = { name: string; value: string; type: string; checked: boolean };
export type HtmlForm = { id: string | null; action: string | null; method: string; fields: FormField[]; buttons: string[] };

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:$][-\w:$.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[m[1]!.toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

/** Every <form> on a page, with its inputs (hidden ones included) and its submit buttons' text. */
export function parseForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const a = attrs(m[1]!);
    const body = m[2]!;
    const fields: FormField[] = [];
    for (const input of body.matchAll(/<(input|textarea)\b([^>]*)>/g)) {
      const f = attrs(input[2]!);
      if (!f.name) continue;
      fields.push({ name: f.name, value: f.value ?? "", type: input[1] === "input" ? (f.type ?? "text") : input[1]!, checked: "checked" in f });
    }
    // A <select> sends its selected option, else its first.
    for (const select of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const f = attrs(select[1]!);
      if (!f.name) continue;
      const options = [...select[2]!.matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)].map((o) => ({ attrs: attrs(o[1]!), text: decode(o[2]!) }));
      const chosen = options.find((o) => "selected" in o.attrs) ?? options[0];
      fields.push({ name: f.name, value: chosen ? (chosen.attrs.value ?? chosen.text) : "", type: "select", checked: false });
    }
    const buttons = [...body.matchAll(/<button\b[^>]*>([\s\S]*?)<\/button>/g)].map((b) => decode(b[1]!.replace(/<[^>]+>/g, "")).trim());
    forms.push({ id: a.id ?? null, action: a.action ?? null, method: (a.method ?? "get").toLowerCase(), fields, buttons });
  }
  return forms;
}

/** The form whose submit button says `label` (or that has a field called `label`). */
export function findForm(html: string, label: string | RegExp): HtmlForm {
  const forms = parseForms(html);
  const match = (s: string) => (typeof label === "string" ? s === label : label.test(s));
  const form = forms.find((f) => f.buttons.some(match)) ?? forms.find((f) => f.fields.some((x) => match(x.name)));
  if (!form) throw new Error(`no form "${label}" among: ${forms.map((f) => f.buttons.join("/")).join(", ")}`);
  return form;
}

/** The hidden fields a server action needs ($ACTION_ID_…, or $ACTION_REF_/$ACTION_n:m/$ACTION_KEY). */
export function actionFields(form: HtmlForm): [string, string][] {
  return form.fields.filter((f) => f.name.startsWith("$ACTION")).map((f) => [f.name, f.value]);
}

/** The form's own fields as the page filled them (hidden inputs, checked radios and boxes, text). */
export function formValues(form: HtmlForm): [string, string][] {
  return form.fields
    .filter((f) => !f.name.startsWith("$ACTION") && ((f.type !== "radio" && f.type !== "checkbox") || f.checked))
    .map((f) => [f.name, f.value]);
}

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
export async function postForm(base: string, pagePath: string, form: HtmlForm, overrides: Record<string, string>, cookie?: string): Promise<Response> {
  const entries = [...actionFields(form), ...formValues(form).filter(([k]) => !(k in overrides)), ...Object.entries(overrides)];
  const { body, contentType } = multipart(entries);
  const url = new URL(form.action && !form.action.startsWith("javascript:") ? form.action : pagePath, base);
  return fetch(url, {
    method: "POST",
    headers: { "content-type": contentType, origin: base, ...(cookie ? { cookie } : {}) },
    body: new Uint8Array(body),
    redirect: "manual",
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
