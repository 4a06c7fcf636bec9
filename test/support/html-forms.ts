// Reading a page's forms the way a browser with JavaScript off sees them, including the hidden
// inputs React renders for server actions. Shared by the end-to-end tests (e2e/) and the
// benchmarks (bench/), which post those forms back.
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
