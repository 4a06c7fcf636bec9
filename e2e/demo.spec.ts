// The demo as a newcomer meets it: the home page says what to try, a real certificate code checks
// out, and the demo trainer finds every status in the matrix, leavers, decision analytics with data,
// and reminders in the outbox. Statuses are named by lib/trainer/status.ts's constants.
import { expect, test } from "@playwright/test";
import { PERSON_STATUSES, PERSON_STATUS_LABEL } from "../lib/trainer/status";
import { expectNoAxeViolations } from "./helpers/a11y";
import { signIn } from "./helpers/session";

const PASSWORD = "shared-lives-demo";

test("the home page lists what to try, and its certificate code is valid", async ({ page }) => {
  await page.goto("/");
  const guide = page.getByTestId("demo-guide");
  await expect(guide.getByRole("heading", { name: "Trying the demo" })).toBeVisible();
  for (const email of ["carer@demo.example", "refresher@demo.example", "trainer@demo.example"]) await expect(guide).toContainText(email);
  await expectNoAxeViolations(page);
  await guide.getByRole("link", { name: /check certificate/ }).click();
  await expect(page.getByTestId("certificate-status")).toHaveText(/valid/i);
  await expectNoAxeViolations(page);
});

test("the demo trainer finds every status, leavers, analytics and reminders", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "trainer@demo.example", PASSWORD);
  await page.goto("/trainer/matrix");
  await expect(page.getByRole("heading", { name: "Training matrix" })).toBeVisible();
  await expectNoAxeViolations(page);
  const table = page.getByRole("table", { name: /Training matrix for/ });
  for (const status of PERSON_STATUSES) {
    await page.goto(`/trainer/matrix?status=${status}`);
    // A header row and at least one person, each saying the status in words.
    await expect(table.getByRole("row").nth(1)).toContainText(PERSON_STATUS_LABEL[status]);
  }
  await page.goto("/trainer/matrix?account=left");
  await expect(table).toContainText("Kieran Shaw");

  await page.goto("/trainer/analytics");
  await expect(page.getByRole("heading", { name: "Most often answered poorly" })).toBeVisible();
  await expect(page.getByText(/^[1-9][\d,]* answers counted\.$/)).toBeVisible();
  await expect(page.getByText(/Not enough answers yet/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto("/trainer/outbox");
  await expect(page.getByText("Your Shared Lives training refresher is overdue").first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the refresher carer's refresher is due, and the other scheme's trainer sees none of the demo scheme", async ({ page }) => {
  await signIn(page, "refresher@demo.example", PASSWORD);
  await page.goto("/my");
  await expect(page.getByTestId("refresher-line")).toHaveText(/^Refresher due by /);
  await expectNoAxeViolations(page);
  await page.context().clearCookies();
  await signIn(page, "riverside-trainer@demo.example", PASSWORD);
  await page.goto("/trainer/matrix");
  const table = page.getByRole("table", { name: /Training matrix for/ });
  await expect(table).toContainText("Fran Kelly");
  await expect(table).not.toContainText("Kieran Shaw");
  await expect(table).not.toContainText("Amina Yusuf");
});
