// The yearly cycle, end to end, with the server's clock moved (this file runs alone, last).
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { expectNoAxeViolations } from "./helpers/a11y";
import { makePerson, setClock } from "./helpers/db";
import { MODULES, takeQuiz } from "./helpers/quiz";
import { signIn } from "./helpers/session";

test.describe.configure({ mode: "serial" });
test.afterAll(() => setClock(null));

async function at(page: Page, iso: string, who: { email: string; password: string }) {
  setClock(iso);
  await page.context().clearCookies();
  await signIn(page, who.email, who.password);
}

async function certificateCodeOnPage(page: Page): Promise<string> {
  const code = await page.getByTestId("certificate-code").textContent();
  return code!.trim();
}

test("earn, download and prove a certificate; the refresher cycle runs by the rules", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const carer = await makePerson("carer", { name: "Carys Cycle" });
  const trainer = await makePerson("trainer");

  // Recruitment training.
  await at(page, "2026-11-23T10:00:00Z", carer);
  for (const slug of MODULES) await takeQuiz(page, slug, "best");
  await page.goto("/my");
  await expect(page.getByTestId("refresher-line")).toHaveText("Complete. Refresher opens 24 September 2027");
  await page.getByRole("link", { name: "View your certificate" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("main").getByText("Carys Cycle").first()).toBeVisible();
  await expectNoAxeViolations(page);
  const firstCode = await certificateCodeOnPage(page);
  const certificateUrl = page.url();

  // The PDF: name and code inside.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download PDF/ }).click();
  const pdf = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of pdf) chunks.push(chunk as Buffer);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), { mergePages: true });
  expect(text).toContain("Carys Cycle");
  expect(text).toContain(firstCode);

  // Anyone can check it.
  const visitor = await browser.newContext();
  const check = await visitor.newPage();
  await check.goto(`/verify/${firstCode}`);
  await expect(check.getByTestId("certificate-status")).toHaveText(/valid/i);
  await expectNoAxeViolations(check);

  // Due soon: the window opens 60 days before expiry.
  await at(page, "2027-10-01T10:00:00Z", carer);
  await page.goto("/my");
  await expect(page.getByTestId("refresher-line")).toHaveText("Refresher due by 23 November 2027");
  await expect(page.getByText("To do again").first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Overdue the day after expiry, and the certificate reads as expired.
  await at(page, "2027-11-24T10:00:00Z", carer);
  await page.goto("/my");
  await expect(page.getByTestId("refresher-line")).toHaveText("Overdue since 24 November 2027");
  await check.goto(`/verify/${firstCode}`);
  await expect(check.getByTestId("certificate-status")).toHaveText(/expired/i);

  // The refresher, after expiry: 12 months from completion; the old certificate is superseded.
  for (const slug of MODULES) await takeQuiz(page, slug, "best");
  await page.goto("/my");
  await expect(page.getByTestId("refresher-line")).toHaveText("Complete. Refresher opens 25 September 2028");
  await page.getByRole("link", { name: "View your certificate" }).click();
  const secondCode = await certificateCodeOnPage(page);
  expect(secondCode).not.toBe(firstCode);
  const secondUrl = page.url();
  expect(secondUrl).not.toBe(certificateUrl);
  await check.goto(`/verify/${firstCode}`);
  await expect(check.getByTestId("certificate-status")).toHaveText(/superseded/i);
  await check.goto(`/verify/${secondCode}`);
  await expect(check.getByTestId("certificate-status")).toHaveText(/valid/i);

  // The trainer revokes it; the check says so.
  await at(page, "2027-11-25T10:00:00Z", trainer);
  await page.goto(secondUrl);
  await page.getByLabel("Why are you revoking it?").fill("Issued in error during a test");
  await page.getByLabel("I understand that revoking cannot be undone").check();
  await page.getByRole("button", { name: "Revoke this certificate" }).click();
  await page.waitForURL(/\?revoked=1$/);
  await check.goto(`/verify/${secondCode}`);
  await expect(check.getByTestId("certificate-status")).toHaveText(/revoked/i);

  // Unknown codes are a plain 404.
  const missing = await check.goto("/verify/0000-0000-0000-0000-0000-0000-0000");
  expect(missing?.status()).toBe(404);
  await expectNoAxeViolations(check);
  await visitor.close();
});
