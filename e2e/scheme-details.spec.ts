// Each scheme's own contacts inside the national course (issue 15), on a phone: a trainer gives
// them (refused input first, then a preview, then a save); a carer of that scheme sees them in a
// lesson, under quiz feedback, in the "Should I share?" walk-through and on the certificate; a
// carer of another scheme never sees them, anywhere, and cannot open the first scheme's pages.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
import { expectNoAxeViolations } from "./helpers/a11y";
import { e2eSql, insertCertificate, makePerson, makeScheme, time } from "./helpers/db";
import { takeQuiz } from "./helpers/quiz";
import { errorSummary, signIn, signOut } from "./helpers/session";

/** Scheme A's details, as its trainer types them. Phone numbers from Ofcom's ranges for drama. */
const A = {
  name: `Ashby Shared Lives ${Date.now().toString(36)}`,
  advicePhone: "01632 960 101",
  adviceEmail: "ashby-team@e2e.example",
  breachPhone: "01632 960 202",
  safeguardingPhone: "01632 960 303",
  outOfHoursPhone: "03069 990 404",
};
/** Everything that would give scheme A's details away, if a carer of another scheme saw it. */
const A_MARKS = [A.name, A.advicePhone, A.adviceEmail, A.breachPhone, A.safeguardingPhone, A.outOfHoursPhone, "01632960101", "Ashby"];

async function expectNoneOfA(page: Page, where: string) {
  const html = await page.content();
  for (const mark of A_MARKS) expect(html, `${where}: ${mark}`).not.toContain(mark);
}

async function detailsRow(schemeId: number) {
  return await e2eSql.row<Record<string, unknown>>("select * from scheme_details where scheme_id = ?", schemeId);
}

async function fill(page: Page, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

test.describe("a scheme's own contacts in the course", () => {
  test.describe.configure({ mode: "serial" });
  let schemeA: number;
  let schemeB: number;
  let carerA: Awaited<ReturnType<typeof makePerson>>;
  let carerB: Awaited<ReturnType<typeof makePerson>>;
  let trainerA: Awaited<ReturnType<typeof makePerson>>;

  test.beforeAll(async () => {
    schemeA = await makeScheme(`Ashby scheme ${Date.now().toString(36)}`);
    schemeB = await makeScheme(`Burnside scheme ${Date.now().toString(36)}`);
    trainerA = await makePerson("trainer", { schemeId: schemeA });
    carerA = await makePerson("carer", { schemeId: schemeA, name: "Ayo Ashby" });
    carerB = await makePerson("carer", { schemeId: schemeB, name: "Bea Burnside" });
  });

  test("a trainer is told what to put right, previews, then saves; axe-clean, errors included", async ({ page }) => {
    await signIn(page, trainerA.email, trainerA.password);
    await page.goto("/trainer");
    await page.getByRole("link", { name: "Your scheme's contacts" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your scheme's contacts in the course" })).toBeVisible();
    await expect(page.getByText("There are no contacts or notes yet")).toBeVisible();
    await expectNoAxeViolations(page);

    // Bad input: a script in a note, a javascript: link, a 10,000-character note, a bad number.
    await fill(page, {
      "Name carers know your scheme by": A.name,
      "Advice phone number": "ring the office",
      "Safeguarding web page": "javascript:alert(1)",
      "Note on data breaches": "<script>alert('x')</script>",
      "Note on keeping and returning records": "x".repeat(10_000),
    });
    await page.getByRole("button", { name: "Save details" }).click();
    const summary = errorSummary(page);
    await expect(summary).toContainText("There is a problem");
    await expect(summary.getByRole("link", { name: /Enter the advice phone number as a UK phone number/ })).toHaveAttribute("href", "#advicePhone");
    await expect(summary.getByRole("link", { name: /Safeguarding web page must be a full web address starting with https:\/\// })).toHaveAttribute("href", "#safeguardingLink");
    await expect(summary.getByRole("link", { name: /Note on data breaches must not contain HTML such as <script>/ })).toHaveAttribute("href", "#noteBreach");
    await expect(summary.getByRole("link", { name: /Note on keeping and returning records must be 600 characters or fewer/ })).toHaveAttribute("href", "#noteRecords");
    await expect(page.getByLabel("Advice phone number")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByText("The preview shows once the problems above are put right.")).toBeVisible();
    await expectNoAxeViolations(page);
    expect(await detailsRow(schemeA)).toBeUndefined();

    // Put right, then a preview: the boxes as carers will see them, and still nothing saved.
    await fill(page, {
      "Who to ask (a role)": "your Shared Lives officer",
      "Advice phone number": A.advicePhone,
      "Advice email address": A.adviceEmail,
      "Out of hours phone number": A.outOfHoursPhone,
      "Who to tell about a data breach": "the duty officer",
      "How fast to tell them": "straight away",
      "Data breach phone number": A.breachPhone,
      "Safeguarding phone number": A.safeguardingPhone,
      "Safeguarding web page": "https://www.example.org/ashby-safeguarding",
      "Note on data breaches": "Ring **first**, then email.",
      "Note on keeping and returning records": "",
    });
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("status")).toContainText("Nothing is saved yet");
    const preview = page.getByRole("region", { name: "Preview: what carers see" });
    await expect(preview.getByRole("heading", { name: `Tell ${A.name} about a data breach` })).toBeVisible();
    await expect(preview.getByRole("link", { name: A.breachPhone })).toHaveAttribute("href", "tel:+441632960202");
    await expect(preview.locator("strong", { hasText: "first" })).toBeVisible();
    expect(await detailsRow(schemeA)).toBeUndefined();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("status")).toContainText(`Saved. Carers in ${A.name} now see these details`);
    expect(await detailsRow(schemeA)).toMatchObject({ public_name: A.name, advice_phone: A.advicePhone, revision: 1 });
    const audit = await e2eSql.rows<{ details: unknown }>("select details from audit_log where scheme_id = ? and action = 'updated-scheme-details'", schemeA);
    expect(audit).toHaveLength(1);
    expect((typeof audit[0]!.details === "string" ? JSON.parse(audit[0]!.details) : audit[0]!.details).fields).toContain("advicePhone");
  });

  test("a carer of the scheme sees its contacts in a lesson, read with Next, and the lesson is a cached page", async ({ page }) => {
    await signIn(page, carerA.email, carerA.password);
    await page.goto("/modules/confidentiality");
    await page.getByRole("link", { name: "Keeping records safe at home" }).click();
    await expect(page).toHaveURL(/\/modules\/confidentiality\/keeping-records-safe\/scheme\/\d+-1-[0-9a-z]+-[\w-]{22}$/);
    // Next goes on to the scheme's copy of the next page: the data breaches page, with its box.
    for (let i = 0; i < 6 && !(await page.getByRole("heading", { level: 1, name: "Data breaches" }).count()); i++) {
      await page.getByRole("button", { name: "Next", exact: true }).click();
      await expect(page).toHaveURL(/\/scheme\/\d+-1-/);
    }
    await expect(page.getByRole("heading", { level: 1, name: "Data breaches" })).toBeVisible();
    const box = page.getByRole("region", { name: `Tell ${A.name} about a data breach` });
    await expect(box).toBeVisible();
    await expect(box.getByRole("link", { name: A.breachPhone })).toHaveAttribute("href", "tel:+441632960202");
    await expect(box).toContainText("straight away");
    await expect(box).toContainText("Ring first, then email.");
    await expectNoAxeViolations(page);
    // Static: served from the page cache, not rendered for this reader.
    const again = await page.request.get(page.url());
    expect(again.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
  });

  test("a carer of the scheme sees its contacts under quiz feedback and on the result page", async ({ page }) => {
    await signIn(page, carerA.email, carerA.password);
    await takeQuiz(page, "confidentiality", "best");
    const lines = page.locator(".scheme-contact");
    expect(await lines.count()).toBeGreaterThan(0);
    await expect(lines.first()).toContainText(`${A.name}:`);
    await expect(page.getByRole("region", { name: `Who to ask at ${A.name}` }).getByRole("link", { name: A.advicePhone })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a carer of the scheme gets the number to ring from the walk-through's seek-advice outcome", async ({ page }) => {
    await signIn(page, carerA.email, carerA.password);
    await page.goto("/my");
    await expect(page.getByRole("heading", { name: `Your scheme: ${A.name}` })).toBeVisible();
    await page.getByRole("link", { name: /Should I share\? A step-by-step guide, with your scheme's contacts/ }).click();
    await expect(page.getByRole("region", { name: `If someone may be at risk of harm: ${A.name}` })).toContainText(A.safeguardingPhone);
    await page.getByRole("link", { name: "Start now" }).click();
    await page.getByRole("link", { name: "Not sure", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Get advice before you share" })).toBeVisible();
    const box = page.getByRole("region", { name: `Who to ask at ${A.name}` });
    await expect(box.getByRole("link", { name: A.advicePhone })).toHaveAttribute("href", "tel:+441632960101");
    await expect(box.getByRole("link", { name: A.outOfHoursPhone })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a carer of the scheme sees its name and contact on the certificate, page and PDF", async ({ page }) => {
    const cert = await insertCertificate(carerA);
    await signIn(page, carerA.email, carerA.password);
    await page.goto(`/certificates/${cert.id}`);
    await expect(page.getByRole("link", { name: A.advicePhone })).toBeVisible();
    await expect(page.getByText(`${A.name} · Shared Lives training`)).toBeVisible();
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
    const text = await pdfText(readFileSync((await download.path())!));
    expect(text).toContain(`Issued by: ${A.name}`);
    expect(text).toContain(`Scheme contact: ${A.advicePhone}, ${A.adviceEmail}`);
  });

  test("a carer of another scheme never sees them: lessons, feedback, walk-through, My training, certificate", async ({ page }) => {
    await signIn(page, carerB.email, carerB.password);
    await page.goto("/modules/confidentiality");
    await expectNoneOfA(page, "module overview");
    await page.getByRole("link", { name: "Data breaches", exact: true }).click();
    await expect(page).toHaveURL("/modules/confidentiality/data-breaches");
    await expect(page.getByRole("heading", { level: 1, name: "Data breaches" })).toBeVisible();
    await expect(page.locator(".scheme-panel")).toHaveCount(0);
    await expectNoneOfA(page, "lesson");
    await takeQuiz(page, "confidentiality", "best");
    await expect(page.locator(".scheme-contact")).toHaveCount(0);
    await expectNoneOfA(page, "quiz result");
    await page.goto("/my");
    await expect(page.getByRole("heading", { name: /^Your scheme:/ })).toHaveCount(0);
    await expectNoneOfA(page, "My training");
    await page.goto("/should-i-share/out-seek-advice");
    await expectNoneOfA(page, "walk-through");
    const cert = await insertCertificate(carerB);
    await page.goto(`/certificates/${cert.id}`);
    await expectNoneOfA(page, "certificate");
    await expect(page.getByText("Scheme contact")).toHaveCount(0);
  });

  test("another scheme's copies cannot be reached by changing the address", async ({ page, browser }) => {
    // Carer A's own address for a page, as the site gives it.
    await signIn(page, carerA.email, carerA.password);
    await page.goto("/modules/confidentiality");
    const href = (await page.getByRole("link", { name: "Data breaches", exact: true }).getAttribute("href"))!;
    const [, schemeId, revision, stamp] = /\/scheme\/(\d+)-(\d+)-([0-9a-z]+)-/.exec(href)!;
    await signOut(page);

    await signIn(page, carerB.email, carerB.password);
    const tries = [
      href.replace("/data-breaches/", "/social-media/"), // the signature is for one page
      href.replace(`/scheme/${schemeId}-${revision}-`, `/scheme/${schemeId}-${Number(revision) + 1}-`),
      href.replace(`/scheme/${schemeId}-`, `/scheme/${schemeB}-`), // another scheme's number, same signature
      href.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
      href.replace(`-${stamp}-`, `-${(parseInt(stamp!, 36) + 1).toString(36)}-`), // another save of the same revision
      `/modules/confidentiality/data-breaches/scheme/${schemeId}-${revision}-${stamp}-AAAAAAAAAAAAAAAAAAAAAA`,
      `/should-i-share/scheme/${schemeId}-${revision}-${stamp}-AAAAAAAAAAAAAAAAAAAAAA/out-seek-advice`,
    ];
    for (const url of tries) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expectNoneOfA(page, url);
    }
    // Signed out, a made-up address is "not found" too (never the sign-in page, never a cached copy).
    const visitor = await browser.newContext();
    expect((await (await visitor.newPage()).goto(tries[5]!))?.status()).toBe(404);
    await visitor.close();
  });

  test("without details the course reads as it does for everyone; with a name alone too", async ({ page }) => {
    const schemeC = await makeScheme(`Calder scheme ${Date.now().toString(36)}`);
    await e2eSql.run("insert into scheme_details (scheme_id, public_name, revision, updated_at) values (?, ?, 1, ?)", schemeC, "Calder Shared Lives", time(Date.now()));
    const carerC = await makePerson("carer", { schemeId: schemeC });
    await signIn(page, carerC.email, carerC.password);
    await page.goto("/modules/golden-rules");
    await page.getByRole("link", { name: "When you are not sure, ask" }).click();
    await expect(page).toHaveURL("/modules/golden-rules/seek-advice");
    await expect(page.locator(".scheme-panel")).toHaveCount(0);
    await expect(page.getByText("Calder Shared Lives")).toHaveCount(0);
  });
});

test.describe("the settings form with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("refuses bad input with the error summary, then saves", async ({ page }) => {
    const scheme = await makeScheme(`Dunmore scheme ${Date.now().toString(36)}`);
    const trainer = await makePerson("trainer", { schemeId: scheme });
    await signIn(page, trainer.email, trainer.password);
    await page.goto("/trainer/scheme-details");
    await page.getByLabel("Data breach email address").fill("not an email");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(errorSummary(page).getByRole("link", { name: /Enter the data breach email address in the correct format/ })).toHaveAttribute("href", "#breachEmail");
    await expect(page.getByLabel("Data breach email address")).toHaveValue("not an email");
    expect(await detailsRow(scheme)).toBeUndefined();

    await page.getByLabel("Data breach email address").fill("breach@dunmore.example");
    await page.getByLabel("Advice phone number").fill("01632 960 555");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("status")).toContainText("Saved.");
    expect(await detailsRow(scheme)).toMatchObject({ breach_email: "breach@dunmore.example", advice_phone: "01632 960 555" });
    await expect(page.getByRole("region", { name: "Preview: what carers see" }).getByRole("link", { name: "01632 960 555" }).first()).toBeVisible();
  });
});
