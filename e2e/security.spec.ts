// Security checks against the production build: the headers and cookie flags of every page, cross-
// origin posts refused, the x-middleware-subrequest bypass (CVE-2025-29927) reaching nothing, old
// session cookies refused, and the sign-in throttle holding under a burst. These talk HTTP directly
// (Playwright's request API), as an attacker would: no browser to add or enforce anything.
import { type APIRequestContext, type APIResponse, expect, request as requests, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { actionFields, findForm, formValues } from "../test/support/html-forms";
import { E2E } from "./env";
import { PASSWORD, bool, e2eSql, makePerson, makeScheme, time } from "./helpers/db";

const base = E2E.baseURL;
const EVIL = "https://evil.example";
const SESSION = "authjs.session-token";

const clients: APIRequestContext[] = [];
async function client(headers?: Record<string, string>): Promise<APIRequestContext> {
  const c = await requests.newContext({ baseURL: base, extraHTTPHeaders: headers });
  clients.push(c);
  return c;
}
test.afterAll(async () => {
  for (const c of clients.splice(0)) await c.dispose();
});

/** GETs a page, finds the form by its button, and posts it back as a browser without JavaScript would. */
async function postForm(
  c: APIRequestContext,
  pagePath: string,
  button: string | RegExp,
  overrides: Record<string, string> = {},
  opts: { origin?: string | null; headers?: Record<string, string>; html?: string } = {},
): Promise<APIResponse> {
  const html = opts.html ?? (await (await c.get(pagePath)).text());
  const form = findForm(html, button);
  const body = new FormData();
  for (const [k, v] of actionFields(form)) body.append(k, v);
  for (const [k, v] of formValues(form)) if (!(k in overrides)) body.append(k, v);
  for (const [k, v] of Object.entries(overrides)) body.append(k, v);
  const origin = opts.origin === undefined ? base : opts.origin;
  return c.post(form.action || pagePath, { multipart: body, headers: { ...(origin ? { origin } : {}), ...opts.headers }, maxRedirects: 0 });
}

async function signedIn(email: string, password = PASSWORD): Promise<APIRequestContext> {
  const c = await client();
  const res = await postForm(c, "/sign-in", "Sign in", { email, password });
  expect(res.status(), await res.text()).toBe(303);
  return c;
}

async function sessionCookie(c: APIRequestContext): Promise<string> {
  const cookie = (await c.storageState()).cookies.find((x) => x.name === SESSION);
  expect(cookie, "a session cookie").toBeTruthy();
  return `${SESSION}=${cookie!.value}`;
}

function setCookies(res: APIResponse): string[] {
  return res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value);
}

const count = (sql: string, ...params: unknown[]) => e2eSql.count(sql, ...params);

/** A carer, trainer and admin of a fresh scheme, with a certificate and a started quiz for the carer. */
async function world() {
  const tag = randomBytes(3).toString("hex");
  const schemeId = await makeScheme(`Security scheme ${tag}`);
  const trainer = await makePerson("trainer", { schemeId });
  const carer = await makePerson("carer", { schemeId, name: `Secret Sally ${tag}` });
  const admin = await makePerson("admin");
  const code = `SEC${randomBytes(16).toString("hex").toUpperCase().replace(/[^0-9A-HJKMNP-TV-Z]/g, "7")}`.slice(0, 28);
  const certificateId = await e2eSql.insert(
    "insert into certificates (code, person_id, scheme_id, holder_name, course_id, course_title, content_version, cycle, issued_on, expires_on, modules) values (?, ?, ?, ?, 'shared-lives-confidentiality', 'Security test course', '2026.1', 1, '2026-01-10', '2027-01-10', '[]')",
    code,
    carer.id,
    schemeId,
    carer.name,
  );
  return { tag, schemeId, trainer, carer, admin, code, certificateId };
}

test.describe("security headers and cookies", () => {
  test("every page and route handler sends the security headers; personal pages are never cached", async () => {
    const w = await world();
    const anon = await client();
    const carer = await signedIn(w.carer.email);
    const trainer = await signedIn(w.trainer.email);
    const admin = await signedIn(w.admin.email);
    const checks: [APIRequestContext, string, "public" | "personal"][] = [
      ...["/", "/sign-in", "/sign-in/email", "/sign-in/link?token=nothing", "/signed-out", "/verify", `/verify/${w.code}`, "/about", "/glossary", "/should-i-share", "/no-such-page", "/api/auth/csrf", "/api/auth/session", "/my"].map(
        (p) => [anon, p, "public"] as [APIRequestContext, string, "public"],
      ),
      ...["/modules/golden-rules/consent", "/modules/golden-rules/print"].map((p) => [carer, p, "public"] as [APIRequestContext, string, "public"]),
      ...["/my", "/dashboard", "/modules/golden-rules", "/modules/golden-rules/quiz", `/certificates/${w.certificateId}`, `/certificates/${w.certificateId}/pdf`, "/my/certificates", "/my/calendar", "/my/data"].map(
        (p) => [carer, p, "personal"] as [APIRequestContext, string, "personal"],
      ),
      ...["/trainer", "/trainer/matrix", "/trainer/matrix/export", "/trainer/intakes", "/trainer/leavers", "/trainer/analytics", "/trainer/audit", `/trainer/people/${w.carer.id}`, `/trainer/people/${w.carer.id}/data`].map(
        (p) => [trainer, p, "personal"] as [APIRequestContext, string, "personal"],
      ),
      [admin, "/admin", "personal"],
    ];
    for (const [c, path, kind] of checks) {
      const res = await c.get(path, { maxRedirects: 0 });
      const h = res.headers();
      const where = `${path} (${res.status()})`;
      expect(res.status(), where).toBeLessThan(500);
      const csp = h["content-security-policy"] ?? "";
      for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp, where).toContain(directive);
      expect(csp, where).not.toMatch(/script-src[^;]*(\*|https?:|data:)/);
      expect(h["x-content-type-options"], where).toBe("nosniff");
      expect(h["x-frame-options"], where).toBe("DENY");
      expect(h["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
      expect(h["permissions-policy"], where).toContain("camera=()");
      expect(h["x-powered-by"], where).toBeUndefined();
      // Plain HTTP (no proxy saying HTTPS): no HSTS, which would lock a test or intranet host out.
      expect(h["strict-transport-security"], where).toBeUndefined();
      if (kind === "personal" && res.status() === 200) {
        const cache = h["cache-control"] ?? "";
        expect(cache, `${where} Cache-Control`).toMatch(/no-store|private/);
        expect(cache, `${where} Cache-Control`).not.toMatch(/public|s-maxage/);
      }
    }
    // Behind an HTTPS proxy, HSTS is sent.
    const https = await anon.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers()["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  });

  test("session cookies are HttpOnly, SameSite=Lax, host-only and short-lived; Secure behind HTTPS", async () => {
    const carer = await makePerson("carer");
    const c = await client();
    const res = await postForm(c, "/sign-in", "Sign in", { email: carer.email, password: carer.password });
    expect(res.status()).toBe(303);
    const cookies = setCookies(res);
    const session = cookies.find((x) => x.startsWith(`${SESSION}=`));
    expect(session, cookies.join("\n")).toBeTruthy();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).toMatch(/;\s*Path=\/(;|$)/);
    expect(session).not.toMatch(/;\s*Domain=/i);
    const expires = Date.parse(session!.match(/Expires=([^;]+)/i)?.[1] ?? "");
    expect(expires - Date.now()).toBeLessThanOrEqual(12 * 3600_000 + 60_000);
    for (const other of cookies) expect(other, other).toMatch(/;\s*HttpOnly/i);
    const csrf = await c.get("/api/auth/csrf");
    for (const other of setCookies(csrf)) expect(other, other).toMatch(/;\s*HttpOnly/i);

    // The same sign-in through an HTTPS proxy: the cookie gets the __Secure- prefix and Secure.
    const s = await client();
    const secure = await postForm(s, "/sign-in", "Sign in", { email: carer.email, password: carer.password }, { origin: base.replace("http:", "https:"), headers: { "x-forwarded-proto": "https" } });
    expect(secure.status()).toBe(303);
    const secureSession = setCookies(secure).find((x) => x.startsWith(`__Secure-${SESSION}=`));
    expect(secureSession, setCookies(secure).join("\n")).toBeTruthy();
    expect(secureSession).toMatch(/;\s*Secure/i);
    expect(secureSession).toMatch(/;\s*HttpOnly/i);
  });
});

test.describe("requests from other sites", () => {
  test("a cross-origin POST to a server action is refused and changes nothing", async () => {
    const w = await world();
    const sessions = () => count("select count(*) as n from sessions where person_id = ?", w.carer.id);
    // Signing in from another site (login CSRF): refused, no session made.
    for (const origin of [EVIL, "null", "http://127.0.0.1.evil.example"]) {
      const c = await client();
      const res = await postForm(c, "/sign-in", "Sign in", { email: w.carer.email, password: w.carer.password }, { origin });
      expect(res.status(), `sign in from ${origin}`).toBeGreaterThanOrEqual(400);
      expect(setCookies(res).some((x) => x.includes(SESSION)), origin).toBe(false);
      expect(await sessions(), origin).toBe(0);
    }

    // A signed-in carer's quiz answer and a trainer's deactivation, sent from another site.
    const carer = await signedIn(w.carer.email);
    const start = await postForm(carer, "/modules/golden-rules/quiz", /Start the quiz|Continue the quiz/);
    expect(start.status()).toBe(303);
    const question = new URL(start.headers().location!, base).pathname;
    const questionHtml = await (await carer.get(question)).text();
    const answers = () => count("select count(*) as n from quiz_answers a join quiz_attempts t on t.id = a.attempt_id where t.person_id = ?", w.carer.id);
    const option = findForm(questionHtml, "Save and continue").fields.find((f) => f.name === "option")!.value;
    const refused = await postForm(carer, question, "Save and continue", { option }, { origin: EVIL, html: questionHtml });
    expect(refused.status()).toBeGreaterThanOrEqual(400);
    expect(await answers()).toBe(0);
    // The same request from the site itself works: the refusal was about the origin.
    const ok = await postForm(carer, question, "Save and continue", { option }, { html: questionHtml });
    expect(ok.status()).toBe(303);
    expect(await answers()).toBe(1);

    const trainer = await signedIn(w.trainer.email);
    const personPage = `/trainer/people/${w.carer.id}`;
    const page = await trainer.get(personPage);
    if (page.status() === 200) {
      const html = await page.text();
      const deactivate = await postForm(trainer, personPage, /^Deactivate/, {}, { origin: EVIL, html });
      expect(deactivate.status()).toBeGreaterThanOrEqual(400);
      expect(await count("select count(*) as n from people where id = ? and active", w.carer.id)).toBe(1);
    }
  });

  test("a cross-origin POST to a route handler is refused with 403 and changes nothing", async () => {
    const w = await world();
    const carer = await signedIn(w.carer.email);
    const reads = () => count("select count(*) as n from page_reads where person_id = ?", w.carer.id);
    const checks = () => count("select count(*) as n from check_answers where person_id = ?", w.carer.id);
    const cases: { headers: Record<string, string> }[] = [
      { headers: { origin: EVIL } },
      { headers: { origin: "null" } },
      { headers: { "sec-fetch-site": "cross-site" } }, // no Origin: Fetch Metadata decides
    ];
    for (const { headers } of cases) {
      const read = await carer.post("/modules/golden-rules/consent/read", { headers, form: {}, maxRedirects: 0 });
      expect(read.status(), JSON.stringify(headers)).toBe(403);
      expect(await read.text()).toContain("must be sent from this site");
      const check = await carer.post("/modules/golden-rules/checks/gr-consent-1/answer", { headers, form: { option: "1" }, maxRedirects: 0 });
      expect(check.status(), JSON.stringify(headers)).toBe(403);
    }
    expect(await reads()).toBe(0);
    expect(await checks()).toBe(0);
    // Same-origin, the same posts are recorded.
    expect((await carer.post("/modules/golden-rules/consent/read", { headers: { origin: base }, form: {}, maxRedirects: 0 })).status()).toBe(303);
    expect(await reads()).toBe(1);
  });
});

test.describe("x-middleware-subrequest", () => {
  test("a request with the header reaches no protected data, with or without a cookie", async () => {
    const w = await world();
    const paths = [
      "/my",
      "/my/certificates",
      "/my/data",
      "/my/calendar",
      "/dashboard",
      "/trainer",
      "/trainer/matrix",
      "/trainer/matrix/export",
      `/trainer/people/${w.carer.id}`,
      `/trainer/people/${w.carer.id}/data`,
      "/admin",
      `/certificates/${w.certificateId}`,
      `/certificates/${w.certificateId}/pdf`,
      "/modules/golden-rules/quiz",
    ];
    const values = [
      "proxy",
      "middleware",
      "proxy:proxy:proxy:proxy:proxy",
      "middleware:middleware:middleware:middleware:middleware",
      "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
      "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
    ];
    const anon = await client();
    for (const path of paths) {
      for (const value of values) {
        for (const cookie of [undefined, `${SESSION}=forged-${randomBytes(8).toString("hex")}`]) {
          const res = await anon.get(path, { headers: { "x-middleware-subrequest": value, ...(cookie ? { cookie } : {}) }, maxRedirects: 0 });
          const where = `${path} [${value}]${cookie ? " with a forged cookie" : ""}: ${res.status()}`;
          expect(res.status(), where).toBeLessThan(500);
          if (res.status() < 300) expect(res.headers()["content-type"] ?? "", where).toContain("text/html"); // never a CSV, PDF or JSON
          if (res.status() >= 300 && res.status() < 400) expect(res.headers().location ?? "", where).toMatch(/\/sign-in|\/no-access|\/page-not-found/);
          const body = await res.text();
          expect(body, where).not.toContain(w.carer.name);
          expect(body, where).not.toContain(w.code);
          expect(body, where).not.toContain(w.carer.email);
        }
      }
    }
  });
});

test.describe("old session cookies", () => {
  async function quizPage(c: APIRequestContext) {
    const start = await postForm(c, "/modules/golden-rules/quiz", /Start the quiz|Continue the quiz/);
    expect(start.status()).toBe(303);
    const path = new URL(start.headers().location!, base).pathname;
    return { path, html: await (await c.get(path)).text() };
  }

  async function expectRefused(cookie: string, question: { path: string; html: string }, personId: number) {
    const stranger = await client({ cookie });
    for (const path of ["/my", "/my/certificates", "/my/data", "/modules/golden-rules/quiz", question.path]) {
      const res = await stranger.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBeGreaterThanOrEqual(300);
      expect(res.status(), path).toBeLessThan(400);
      expect(res.headers().location, path).toMatch(/\/sign-in/);
    }
    const answers = () => count("select count(*) as n from quiz_answers a join quiz_attempts t on t.id = a.attempt_id where t.person_id = ?", personId);
    const before = await answers();
    const option = findForm(question.html, "Save and continue").fields.find((f) => f.name === "option")!.value;
    const post = await postForm(stranger, question.path, "Save and continue", { option }, { html: question.html });
    expect(post.status()).toBeLessThan(500);
    expect(post.status()).not.toBe(200);
    expect(await answers()).toBe(before);
  }

  test("after signing out, the old cookie gets nothing, not even through a server action", async () => {
    const carer = await makePerson("carer");
    const c = await signedIn(carer.email);
    const cookie = await sessionCookie(c);
    const question = await quizPage(c);
    const out = await postForm(c, "/my", "Sign out");
    expect(out.status()).toBe(303);
    expect(await count("select count(*) as n from sessions where person_id = ? and revoked_at is null", carer.id)).toBe(0);
    await expectRefused(cookie, question, carer.id);
  });

  test("a deactivated person's cookie gets nothing, even while their session row is live", async () => {
    const carer = await makePerson("carer");
    const c = await signedIn(carer.email);
    const cookie = await sessionCookie(c);
    const question = await quizPage(c);
    await e2eSql.run("update people set active = ?, deactivated_at = ? where id = ?", bool(false), time(Date.now()), carer.id);
    expect(await count("select count(*) as n from sessions where person_id = ? and revoked_at is null", carer.id)).toBeGreaterThan(0);
    await expectRefused(cookie, question, carer.id);
  });

  test("an expired session, or a cookie that has been tampered with, gets nothing", async () => {
    const carer = await makePerson("carer");
    const c = await signedIn(carer.email);
    const cookie = await sessionCookie(c);
    const question = await quizPage(c);
    const value = cookie.slice(SESSION.length + 1);
    const flipped = `${SESSION}=${value.slice(0, 40)}${value[40] === "A" ? "B" : "A"}${value.slice(41)}`;
    await expectRefused(flipped, question, carer.id);
    await e2eSql.run("update sessions set expires_at = ? where person_id = ?", time(Date.now() - 1000), carer.id);
    await expectRefused(cookie, question, carer.id);
  });
});

test.describe("sign-in throttle", () => {
  test("holds against a burst of wrong passwords, through the form and through Auth.js directly", async () => {
    const carer = await makePerson("carer");
    const sessions = () => count("select count(*) as n from sessions where person_id = ?", carer.id);
    // Twelve wrong passwords at once, as a script would send them.
    const burst = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const c = await client();
        const res = await postForm(c, "/sign-in", "Sign in", { email: carer.email, password: `wrong password ${i}` });
        return { status: res.status(), text: await res.text() };
      }),
    );
    for (const r of burst) {
      expect(r.status).toBe(200);
      expect(r.text).toMatch(/email address or password is not right|Too many wrong passwords/);
    }
    // Now even the right password is refused, with the reason.
    const c = await client();
    const right = await postForm(c, "/sign-in", "Sign in", { email: carer.email, password: carer.password });
    expect(right.status()).toBe(200);
    expect(await right.text()).toContain("Too many wrong passwords");
    expect(setCookies(right).some((x) => x.startsWith(`${SESSION}=`))).toBe(false);
    // The email, in capitals and with spaces, is the same account: still refused.
    const shouted = await postForm(c, "/sign-in", "Sign in", { email: `  ${carer.email.toUpperCase()} `, password: carer.password });
    expect(await shouted.text()).toContain("Too many wrong passwords");
    // Around the form, straight to Auth.js's own callback: no session either.
    const csrf = (await (await c.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const direct = await c.post("/api/auth/callback/password", { form: { email: carer.email, password: carer.password, csrfToken: csrf.csrfToken }, headers: { origin: base }, maxRedirects: 0 });
    expect(direct.status()).toBeLessThan(500);
    expect(setCookies(direct).some((x) => x.startsWith(`${SESSION}=`))).toBe(false);
    expect(await sessions()).toBe(0);
    expect(await count("select count(*) as n from sign_in_attempts where email = ? and succeeded", carer.email)).toBe(0);

    // Someone else is not locked out by it.
    const other = await makePerson("carer");
    await signedIn(other.email);
  });
});

test.describe("favicon", () => {
  test("pages name an icon that is served, so browsers do not ask for a missing /favicon.ico", async () => {
    const c = await client();
    for (const path of ["/sign-in", "/about", "/verify"]) {
      const html = await (await c.get(path)).text();
      const href = html.match(/<link[^>]*rel="icon"[^>]*href="([^"]+)"/)?.[1] ?? html.match(/<link[^>]*href="([^"]+)"[^>]*rel="icon"/)?.[1];
      expect(href, path).toBeTruthy();
      const icon = await c.get(href!.replace(/&amp;/g, "&"));
      expect(icon.status(), path).toBe(200);
      expect(icon.headers()["content-type"]).toContain("image/svg+xml");
    }
  });
});
