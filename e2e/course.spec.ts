// The reading experience: lesson pages with Next, the module overview and resuming, the print
// view, in-page knowledge checks, the glossary and the "Should I share?" walk-through. The core
// journeys run twice: with JavaScript, and with it turned off.
import { expect, test, type Page } from "@playwright/test";
import walkthroughJson from "../content/walkthrough.json";
import { expectNoAxeViolations } from "./helpers/a11y";
import { makePerson, makeScheme } from "./helpers/db";
import { signIn, signOut } from "./helpers/session";

type WalkNode =
  | { kind: "question"; number: number; question: string; answers: { label: string; next: string }[] }
  | { kind: "outcome"; verdict: string; title: string; goldenRules: number[] };
const walk = walkthroughJson as unknown as { start: string; nodes: Record<string, WalkNode> };

const MODULES = ["golden-rules", "confidentiality", "triangle-of-care"] as const;

/** A carer of a scheme that has given no contacts of its own: the course as everyone reads it. */
async function newCarer(page: Page) {
  const carer = await makePerson("carer", { schemeId: await makeScheme() });
  await signIn(page, carer.email, carer.password);
  return carer;
}

/** The module's pages, in order, as its overview lists them. */
async function pagesOf(page: Page, moduleSlug: string): Promise<{ title: string; href: string }[]> {
  await page.goto(`/modules/${moduleSlug}`);
  const links = page.getByRole("list", { name: "Pages in this module" }).getByRole("link");
  const out: { title: string; href: string }[] = [];
  for (const link of await links.all()) out.push({ title: (await link.textContent())!.trim(), href: (await link.getAttribute("href"))! });
  expect(out.length).toBeGreaterThanOrEqual(3);
  return out;
}

const nextButton = (page: Page) => page.getByRole("button", { name: "Next", exact: true });

/** The answers to click, from the start, to reach a node of the walk-through (shortest route). */
function routeTo(target: string): string[] {
  const queue: { id: string; labels: string[] }[] = [{ id: walk.start, labels: [] }];
  const seen = new Set([walk.start]);
  while (queue.length) {
    const { id, labels } = queue.shift()!;
    if (id === target) return labels;
    const node = walk.nodes[id];
    if (node?.kind !== "question") continue;
    for (const a of node.answers) {
      if (seen.has(a.next)) continue;
      seen.add(a.next);
      queue.push({ id: a.next, labels: [...labels, a.label] });
    }
  }
  throw new Error(`no route to ${target}`);
}

const outcomes = Object.entries(walk.nodes).filter(([, n]) => n.kind === "outcome") as [string, Extract<WalkNode, { kind: "outcome" }>][];

// The journeys, written once and run with JavaScript on and off.
const journeys = {
  async readWholeModule(page: Page) {
    await newCarer(page);
    const pages = await pagesOf(page, "triangle-of-care");
    await expect(page.getByText(`You have read 0 of ${pages.length} pages.`)).toBeVisible();
    await page.getByRole("link", { name: "Start reading" }).click();
    for (const [i, p] of pages.entries()) {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.title);
      await expect(page.getByText(`Page ${i + 1} of ${pages.length}`, { exact: true })).toBeVisible();
      await expect(page.getByRole("heading", { name: /^Sources?$/ })).toBeVisible();
      if (i < pages.length - 1) {
        await nextButton(page).click();
      } else {
        await expect(nextButton(page)).toHaveCount(0);
        await page.getByRole("button", { name: "Finish reading" }).click();
      }
    }
    await expect(page).toHaveURL(/\/modules\/triangle-of-care(\?read=all)?$/);
    await expect(page.getByRole("status")).toContainText("You have read every page of this module");
    await expect(page.getByText(`You have read ${pages.length} of ${pages.length} pages.`)).toBeVisible();
    await expect(page.getByRole("link", { name: "Take the quiz" }).first()).toHaveAttribute("href", "/modules/triangle-of-care/quiz");
    const marks = page.getByRole("list", { name: "Pages in this module" }).getByRole("listitem");
    await expect(marks).toHaveCount(pages.length);
    for (const item of await marks.all()) await expect(item).toContainText("Read");
    await expect(page.getByRole("list", { name: "Pages in this module" })).not.toContainText("Not read yet");
  },

  async resumeAfterSigningOutAndIn(page: Page) {
    const carer = await newCarer(page);
    const pages = await pagesOf(page, "golden-rules");
    await page.goto(pages[0]!.href);
    for (let i = 0; i < 3; i++) await nextButton(page).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(pages[3]!.title);
    await signOut(page);

    await signIn(page, carer.email, carer.password);
    await page.goto("/modules/golden-rules");
    await expect(page.getByText(`You have read 3 of ${pages.length} pages.`)).toBeVisible();
    const items = page.getByRole("list", { name: "Pages in this module" }).getByRole("listitem");
    await expect(items.nth(0)).toContainText("Read");
    await expect(items.nth(2)).toContainText("Read");
    await expect(items.nth(3)).toContainText("Not read yet");
    const resume = page.getByRole("link", { name: /^Continue where you left off/ });
    await expect(resume).toHaveAttribute("href", pages[3]!.href);
    await resume.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(pages[3]!.title);
  },

  async printView(page: Page) {
    await newCarer(page);
    for (const m of MODULES) {
      const pages = await pagesOf(page, m);
      await page.getByRole("link", { name: "See the whole module on one page to print" }).click();
      await expect(page).toHaveURL(`/modules/${m}/print`);
      await expect(page.getByText("use your browser's print option")).toBeVisible();
      const titles = await page.getByRole("heading", { level: 2 }).allTextContents();
      for (const p of pages) expect(titles, `print view of ${m}`).toContain(p.title);
      // Knowledge checks stay on the lesson pages.
      await expect(page.getByRole("button", { name: "Check my answer" })).toHaveCount(0);
    }
  },

  async walkThroughToEveryOutcome(page: Page) {
    for (const [id, outcome] of outcomes) {
      await page.goto("/should-i-share");
      await expect(page.getByRole("heading", { level: 1, name: walkthroughJson.title })).toBeVisible();
      await page.getByRole("link", { name: "Start now" }).click();
      await page.waitForURL(/\/should-i-share\/q1$/);
      for (const label of routeTo(id)) {
        // Consecutive questions share answer words ("Yes"): wait for each page before the next click.
        const before = page.url();
        await page.getByRole("link", { name: label, exact: true }).click();
        await page.waitForURL((url) => url.toString() !== before);
      }
      await expect(page, id).toHaveURL(`/should-i-share/${id}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(outcome.title);
      await expect(page.getByRole("heading", { name: "What to do" })).toBeVisible();
      for (const n of outcome.goldenRules) await expect(page.getByText(`Golden rule ${n}:`)).toBeVisible();
    }
  },

  async answerAKnowledgeCheck(page: Page) {
    await newCarer(page);
    await page.goto("/modules/golden-rules/myth-buster");
    const check = page.locator("#check-gr-myth-1");
    await expect(check.getByRole("heading", { name: "Check what you know" })).toBeVisible();
    // The page says nothing about which answer is right.
    const html = await page.content();
    expect(html).not.toMatch(/Right\. The law/);
    expect(html).not.toMatch(/"correct"|correct:/);

    // No choice: the question again, with an error.
    await check.getByRole("button", { name: "Check my answer" }).click();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByTestId("error-summary")).toContainText("There is a problem");
    await expect(page.getByTestId("error-summary").getByRole("link", { name: "Choose an answer" })).toHaveAttribute("href", "#option-0");

    // A wrong answer, from the error page.
    await page.getByLabel("Only if the person signs a form to say yes first.").check();
    await page.getByRole("button", { name: "Check my answer" }).click();
    await expect(page).toHaveURL("/modules/golden-rules/checks/gr-myth-1");
    await expect(page.getByRole("status")).toContainText("Your answer is not the best one.");
    await expect(page.getByRole("status")).toContainText("Only if the person signs a form");
    await expect(page.getByText("Right answer")).toHaveCount(1);
    await expect(page.getByText("Your answer", { exact: true })).toHaveCount(1);

    // Back to the page, and right this time.
    await page.getByRole("link", { name: "Back to the page" }).first().click();
    await expect(page).toHaveURL("/modules/golden-rules/myth-buster#check-gr-myth-1");
    await page.getByLabel("No. The law is there to help you share in a safe and sensible way.").check();
    await page.locator("#check-gr-myth-1").getByRole("button", { name: "Check my answer" }).click();
    await expect(page.getByRole("status")).toContainText("Your answer is right.");
    await expect(page.getByRole("link", { name: "Back to the page" }).first()).toHaveAttribute("href", "/modules/golden-rules/myth-buster#check-gr-myth-1");
  },
};

test.describe("reading the course", () => {
  test("read a whole module from start to finish with Next", async ({ page }) => journeys.readWholeModule(page));
  test("sign out and back in: Continue goes to the same page", async ({ page }) => journeys.resumeAfterSigningOutAndIn(page));
  test("the print view shows every page of each module", async ({ page }) => journeys.printView(page));
  test("the walk-through reaches each outcome, without signing in", async ({ page }) => journeys.walkThroughToEveryOutcome(page));
  test("answer a knowledge check and see feedback", async ({ page }) => journeys.answerAKnowledgeCheck(page));
  test("pages do not fetch the pages they link to; a link still opens its page without reloading", async ({ page }) => {
    // Each background fetch was a page made on the server for nobody, and data on a carer's phone
    // (app/_components/links/link.tsx). The links are plain <a> elements that one listener opens in
    // place (app/_components/links/client-links.tsx): on a page made per request and on a static one.
    await newCarer(page);
    const prefetches: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["next-router-prefetch"]) prefetches.push(request.url());
    });
    for (const path of ["/my", "/modules/golden-rules", "/modules/golden-rules/myth-buster", "/should-i-share"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(500);
    }
    expect(prefetches).toEqual([]);

    await page.goto("/my");
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.getByRole("link", { name: "The seven golden rules of information sharing", exact: true }).click();
    await expect(page).toHaveURL("/modules/golden-rules");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);

    await page.goto("/modules/golden-rules/myth-buster");
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My training" }).click();
    await expect(page).toHaveURL("/my");
    await expect(page.getByRole("heading", { level: 1, name: "My training" })).toBeVisible();
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  });
});

test.describe("reading the course with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });
  test("read a whole module from start to finish with Next", async ({ page }) => journeys.readWholeModule(page));
  test("sign out and back in: Continue goes to the same page", async ({ page }) => journeys.resumeAfterSigningOutAndIn(page));
  test("the print view shows every page of each module", async ({ page }) => journeys.printView(page));
  test("the walk-through reaches each outcome, without signing in", async ({ page }) => journeys.walkThroughToEveryOutcome(page));
  test("answer a knowledge check and see feedback", async ({ page }) => journeys.answerAKnowledgeCheck(page));
});

test.describe("the posts behind Next and knowledge checks", () => {
  test("refuse other sites, unknown pages and checks; send people without a session to sign in", async ({ page, playwright }) => {
    await newCarer(page);
    const req = page.request;
    const post = (url: string, form: Record<string, string> = {}, headers: Record<string, string> = {}) => req.post(url, { form, headers, maxRedirects: 0 });

    // Another site's form.
    expect((await post("/modules/golden-rules/myth-buster/read", {}, { Origin: "https://evil.example" })).status()).toBe(403);
    expect((await post("/modules/golden-rules/checks/gr-myth-1/answer", { option: "1" }, { Origin: "https://evil.example" })).status()).toBe(403);

    // Unknown or mismatched ids: 404, never a server error.
    expect((await post("/modules/golden-rules/no-such-page/read")).status()).toBe(404);
    expect((await post("/modules/no-such-module/myth-buster/read")).status()).toBe(404);
    expect((await post("/modules/confidentiality/myth-buster/read")).status()).toBe(404);
    expect((await post("/modules/golden-rules/checks/gr-nope/answer", { option: "0" })).status()).toBe(404);
    expect((await post("/modules/confidentiality/checks/gr-myth-1/answer", { option: "0" })).status()).toBe(404);

    // Bad options: back to the question with "Choose an answer".
    for (const option of ["", "9", "-1", "abc", "1.5"]) {
      const r = await post("/modules/golden-rules/checks/gr-myth-1/answer", { option });
      expect(r.status(), `option "${option}"`).toBe(303);
      expect(r.headers().location).toBe("/modules/golden-rules/checks/gr-myth-1?error=choose");
    }

    // Good posts: on to the next page, or to the feedback.
    const read = await post("/modules/golden-rules/myth-buster/read", {}, { Origin: new URL(page.url()).origin });
    expect(read.status()).toBe(303);
    expect(read.headers().location).toBe("/modules/golden-rules/golden-rules");
    const answer = await post("/modules/golden-rules/checks/gr-myth-1/answer", { option: "1" });
    expect(answer.status()).toBe(303);
    expect(answer.headers().location).toBe("/modules/golden-rules/checks/gr-myth-1");

    // A session cookie that is no longer good: to sign in, coming back to the page.
    const stranger = await playwright.request.newContext({
      baseURL: new URL(page.url()).origin,
      extraHTTPHeaders: { Cookie: "authjs.session-token=not-a-real-session" },
    });
    const r = await stranger.post("/modules/golden-rules/myth-buster/read", { maxRedirects: 0 });
    expect(r.status()).toBe(303);
    expect(r.headers().location).toBe(`/sign-in?next=${encodeURIComponent("/modules/golden-rules/myth-buster")}`);
    await stranger.dispose();
  });
});

test.describe("accessibility (axe-core, WCAG 2.2 AA)", () => {
  test("every lesson page of every module, each overview and print view", async ({ page }) => {
    test.setTimeout(600_000);
    await newCarer(page);
    for (const m of MODULES) {
      const pages = await pagesOf(page, m);
      await expect(page.getByRole("region", { name: /^Sources?$/ })).toBeVisible();
      await expectNoAxeViolations(page);
      for (const p of pages) {
        await page.goto(p.href);
        await expectNoAxeViolations(page);
      }
      await page.goto(`/modules/${m}/print`);
      await expectNoAxeViolations(page);
    }
  });

  test("knowledge-check feedback and its error state", async ({ page }) => {
    await newCarer(page);
    await page.goto("/modules/golden-rules/checks/gr-myth-1?error=choose");
    await expectNoAxeViolations(page);
    await page.getByLabel("No. The law is there to help you share in a safe and sensible way.").check();
    await page.getByRole("button", { name: "Check my answer" }).click();
    await expect(page.getByRole("status")).toContainText("Your answer is right.");
    await expectNoAxeViolations(page);
  });

  test("the glossary, about page and every step of the walk-through", async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto("/glossary");
    for (const id of ["capacity", "best-interests", "caldicott-guardian", "subject-access-request", "cqc", "care-coordinator"]) {
      await expect(page.locator(`[id="${id}"]`)).toBeVisible();
    }
    // The glossary credits every source; the OGL one names its version, links to it, and names PHE.
    const credits = page.getByRole("region", { name: "Sources" });
    await expect(credits.getByRole("link", { name: "Open Government Licence v3.0" })).toHaveAttribute(
      "href",
      "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    );
    await expect(credits).toContainText("Public Health England");
    await expectNoAxeViolations(page);
    await page.goto("/about");
    await expect(page.getByText("The law now is UK GDPR and the Data Protection Act 2018.")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/should-i-share");
    await expectNoAxeViolations(page);
    for (const id of Object.keys(walk.nodes)) {
      await page.goto(`/should-i-share/${id}`);
      await expectNoAxeViolations(page);
    }
  });
});
