import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./env";
import { readFileSync } from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
import { expectNoAxeViolations } from "./helpers/a11y";
import { grouped, insertCertificate, makePerson, newCode } from "./helpers/db";
import { errorSummary, signIn } from "./helpers/session";

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

async function expectStatus(page: Page, code: string, words: string) {
  const response = await page.goto(`/verify/${grouped(code)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Certificate check" })).toBeVisible();
  await expect(page.getByTestId("certificate-status")).toHaveText(words);
}

test.describe("certificates", () => {
  test("the holder opens the certificate, downloads the PDF, and the public check says valid", async ({ page, browser }) => {
    const carer = await makePerson("carer", { name: "Priya Holder" });
    const cert = await insertCertificate(carer);
    await signIn(page, carer.email, carer.password);

    const response = await page.goto(`/certificates/${cert.id}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Certificate of completion" })).toBeVisible();
    const main = page.locator("main");
    await expect(main.getByText("Priya Holder", { exact: true })).toBeVisible();
    await expect(main.getByText(grouped(cert.code), { exact: true })).toBeVisible();
    await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
    await expect(page.getByRole("link", { name: `${E2E.baseURL}/verify/${grouped(cert.code)}` })).toBeVisible();
    await expect(page.getByText("Assisted", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Revoke this certificate" })).toHaveCount(0);
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^shared-lives-certificate-priya-holder-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = await pdfText(readFileSync((await download.path())!));
    expect(text).toContain("Priya Holder");
    expect(text).toContain(grouped(cert.code));
    expect(text).toContain(`/verify/${grouped(cert.code)}`);

    const pdf = await page.request.get(`/certificates/${cert.id}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["content-disposition"]).toMatch(/^attachment; filename="shared-lives-certificate-priya-holder-/);

    // The calendar file for the refresher.
    const ics = await page.request.get("/my/calendar");
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    expect(await ics.text()).toContain(`DTSTART;VALUE=DATE:${cert.expiresOn.replace(/-/g, "")}`);

    // The public check, signed out.
    const publicContext = await browser.newContext();
    const visitor = await publicContext.newPage();
    await expectStatus(visitor, cert.code, "Valid");
    await expect(visitor.getByText("Priya Holder")).toBeVisible();
    await expect(visitor.getByText(carer.email)).toHaveCount(0);
    await expect(visitor.getByText(/genuine and in date/)).toBeVisible();
    await expectNoAxeViolations(visitor);
    await publicContext.close();
  });

  test("the check form: errors for empty and malformed codes, and a typed code finds the certificate", async ({ page }) => {
    const carer = await makePerson("carer", { name: "Femi Formcheck" });
    const cert = await insertCertificate(carer);

    await page.goto("/verify");
    await expect(page.getByRole("heading", { level: 1, name: "Check a certificate" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Check certificate" }).click();
    await expect(errorSummary(page)).toContainText("Enter the certificate code");
    await expect(errorSummary(page).getByRole("link")).toHaveAttribute("href", "#code");
    await expect(page).toHaveTitle(/^Error: Check a certificate/);
    await expectNoAxeViolations(page);

    await page.getByLabel("Certificate code").fill("ABC-123");
    await page.getByRole("button", { name: "Check certificate" }).click();
    await expect(errorSummary(page)).toContainText("exactly as it is printed");
    await expect(page.getByLabel("Certificate code")).toHaveValue("ABC-123");
    await expectNoAxeViolations(page);

    // Lower case, no dashes, O for 0: still found.
    await page.getByLabel("Certificate code").fill(cert.code.toLowerCase().replace(/0/g, "o"));
    await page.getByRole("button", { name: "Check certificate" }).click();
    await expect(page).toHaveURL(new RegExp(`/verify/${grouped(cert.code)}$`));
    await expect(page.getByTestId("certificate-status")).toHaveText("Valid");
  });

  test("the check form works without JavaScript", async ({ browser }) => {
    const carer = await makePerson("carer", { name: "Nia Nojs" });
    const cert = await insertCertificate(carer);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/verify");
    await page.getByRole("button", { name: "Check certificate" }).click();
    await expect(errorSummary(page)).toContainText("Enter the certificate code");
    await page.getByLabel("Certificate code").fill(grouped(cert.code));
    await page.getByRole("button", { name: "Check certificate" }).click();
    await expect(page.getByTestId("certificate-status")).toHaveText("Valid");
    await expect(page.getByText("Nia Nojs")).toBeVisible();
    await context.close();
  });

  test("unknown and malformed codes get the 404 page", async ({ page }) => {
    const unknown = await page.goto(`/verify/${grouped(newCode())}`);
    expect(unknown?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Certificate not found" })).toBeVisible();
    await expectNoAxeViolations(page);

    for (const bad of ["not-a-code", "UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU", "%E2%9C%93", "1234"]) {
      const response = await page.goto(`/verify/${bad}`);
      expect(response?.status(), bad).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Certificate not found" })).toBeVisible();
    }
  });

  test("the scheme's trainer revokes a certificate (without JavaScript), and the check then says revoked", async ({ browser }) => {
    const carer = await makePerson("carer", { name: "Rhys Revoked" });
    const trainer = await makePerson("trainer");
    const cert = await insertCertificate(carer);

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, trainer.email, trainer.password);
    await page.goto(`/certificates/${cert.id}`);
    await expect(page.getByRole("heading", { name: "Revoke this certificate" })).toBeVisible();
    await expectNoAxeViolations(page);

    // With JavaScript: the error summary for a missing reason and confirmation.
    await page.getByRole("button", { name: "Revoke this certificate" }).click();
    await expect(errorSummary(page)).toContainText("Enter the reason for revoking this certificate");
    await expect(errorSummary(page)).toContainText("Tick the box");
    await expectNoAxeViolations(page);

    // Without JavaScript: the same session, a plain form post.
    const cookies = await context.cookies();
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    await noJs.addCookies(cookies);
    const plain = await noJs.newPage();
    await plain.goto(`/certificates/${cert.id}`);
    await plain.getByLabel("Why are you revoking it?").fill("Issued by mistake in a test");
    await plain.getByLabel("I understand that revoking cannot be undone").check();
    await plain.getByRole("button", { name: "Revoke this certificate" }).click();
    await expect(plain.getByText("You revoked this certificate.")).toBeVisible();
    await expect(plain.getByText("Reason given: Issued by mistake in a test")).toBeVisible();
    await expect(plain.getByRole("button", { name: "Revoke this certificate" })).toHaveCount(0);
    await noJs.close();

    await page.reload();
    await expect(page.getByText(/This certificate was revoked on/)).toBeVisible();
    await expectNoAxeViolations(page);

    await expectStatus(page, cert.code, "Revoked");
    await expect(page.getByText("Issued by mistake")).toHaveCount(0);
    await expectNoAxeViolations(page);
    await context.close();
  });

  test("another carer gets 403 on someone else's certificate and its PDF; unknown ids are 404", async ({ page }) => {
    const holder = await makePerson("carer", { name: "Hana Holder" });
    const other = await makePerson("carer");
    const cert = await insertCertificate(holder);
    await signIn(page, other.email, other.password);

    const response = await page.goto(`/certificates/${cert.id}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByText("Hana Holder")).toHaveCount(0);

    const pdf = await page.request.get(`/certificates/${cert.id}/pdf`);
    expect(pdf.status()).toBe(403);
    expect(pdf.headers()["content-type"] ?? "").not.toContain("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).not.toBe("%PDF-");

    expect((await page.goto("/certificates/99999999"))?.status()).toBe(404);
    expect((await page.goto("/certificates/abc"))?.status()).toBe(404);
    expect((await page.request.get("/certificates/99999999/pdf")).status()).toBe(404);

    // No certificate yet: the calendar route says so.
    const ics = await page.request.get("/my/calendar");
    expect(ics.status()).toBe(404);
    expect(await ics.text()).toContain("You do not have a certificate yet");
  });
});
