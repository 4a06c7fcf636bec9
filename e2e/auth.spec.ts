import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/a11y";
import { latestMailTo, linkIn, makePerson, uniqueEmail } from "./helpers/db";
import { errorSummary, signIn, signOut } from "./helpers/session";

test.describe("signing in", () => {
  test("a trainer invites a carer, who sets a password, sees My training and signs out", async ({ page, browser }) => {
    const trainer = await makePerson("trainer");
    await signIn(page, trainer.email, trainer.password);
    await expect(page.getByRole("heading", { name: "Your scheme" })).toBeVisible();
    await expectNoAxeViolations(page);

    const email = uniqueEmail("new-carer");
    await page.getByLabel("Their email address").fill(email);
    await page.getByLabel("Shared Lives carer").check();
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();

    const link = linkIn((await latestMailTo(email))!.body);
    const carerContext = await browser.newContext();
    const carer = await carerContext.newPage();
    await carer.goto(link);
    await expect(carer.getByRole("heading", { name: "Set up your account" })).toBeVisible();
    await expectNoAxeViolations(carer);
    await carer.getByLabel("Your full name").fill("Nadia Newcarer");
    await carer.getByLabel("Create a password").fill("kettle garden lamp");
    await carer.getByRole("button", { name: "Create my account" }).click();
    await expect(carer.getByRole("heading", { name: "My training" })).toBeVisible();
    await expect(carer.getByText("Signed in as")).toContainText("Nadia Newcarer");
    await expectNoAxeViolations(carer);
    await signOut(carer);

    // The link was one-time.
    await carer.goto(link);
    await expect(carer.getByRole("heading", { name: "This invitation does not work" })).toBeVisible();
    await expect(carer.getByText("already been used")).toBeVisible();
    await carerContext.close();
  });

  test("an invitation with a weak password shows the error summary, linked to the field", async ({ page }) => {
    const trainer = await makePerson("trainer");
    await signIn(page, trainer.email, trainer.password);
    const email = uniqueEmail("weak");
    await page.getByLabel("Their email address").fill(email);
    await page.getByLabel("Staff member").check();
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
    await signOut(page);

    await page.goto(linkIn((await latestMailTo(email))!.body));
    await page.getByLabel("Your full name").fill("Wes Weak");
    await page.getByLabel("Create a password").fill("password123");
    await page.getByRole("button", { name: "Create my account" }).click();
    await expect(errorSummary(page)).toContainText("There is a problem");
    await expect(errorSummary(page).getByRole("link", { name: /too common/ })).toHaveAttribute("href", "#password");
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoAxeViolations(page);
  });

  test("sign in by emailed link, through the outbox", async ({ page }) => {
    const carer = await makePerson("carer");
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Email me a sign-in link" }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel("Email address").fill(carer.email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await expect(page.getByText("we have sent it a sign-in link")).toBeVisible();

    const link = linkIn((await latestMailTo(carer.email))!.body);
    await page.goto(link);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "My training" })).toBeVisible();
    await signOut(page);
    await page.goto(link);
    await expect(page.getByText("already been used")).toBeVisible();
  });

  test("a wrong password gets a clear message; the 11th attempt is refused", async ({ page }) => {
    const carer = await makePerson("carer");
    await page.goto("/sign-in");
    for (let attempt = 1; attempt <= 10; attempt++) {
      await page.getByLabel("Email address").fill(carer.email);
      await page.getByLabel("Password").fill(`wrong password ${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      // The form is cleared of the password when the server has answered.
      await expect(page.getByLabel("Password")).toHaveValue("");
      await expect(errorSummary(page)).toContainText("The email address or password is not right");
      if (attempt === 1) await expectNoAxeViolations(page);
    }
    // Even the right password is refused now.
    await page.getByLabel("Email address").fill(carer.email);
    await page.getByLabel("Password").fill(carer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(errorSummary(page)).toContainText("Too many wrong passwords");
  });

  test("signed-out visitors are sent to sign in, and come back afterwards", async ({ page }) => {
    const carer = await makePerson("carer");
    await page.goto("/my");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fmy/);
    await page.getByLabel("Email address").fill(carer.email);
    await page.getByLabel("Password").fill(carer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/my$/);
  });

  test("a carer asking for the trainer page sees no data", async ({ page }) => {
    const carer = await makePerson("carer");
    await makePerson("carer", { name: "Someone Else Entirely" });
    await signIn(page, carer.email, carer.password);
    const response = await page.goto("/trainer");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByText("Someone Else Entirely")).toHaveCount(0);
    await expect(page.getByRole("table")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("after signing out, the old session cookie no longer works", async ({ page, context, browser }) => {
    const carer = await makePerson("carer");
    await signIn(page, carer.email, carer.password);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "authjs.session-token")?.httpOnly).toBe(true);
    expect(cookies.find((c) => c.name === "authjs.session-token")?.sameSite).toBe("Lax");
    await signOut(page);

    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const stolen = await replay.newPage();
    await stolen.goto("/my");
    await expect(stolen).toHaveURL(/\/sign-in/);
    await replay.close();
  });

  test("a deactivated person is signed out on their next request", async ({ page, browser }) => {
    const trainer = await makePerson("trainer");
    const carer = await makePerson("carer", { name: "Dee Activated" });
    const carerContext = await browser.newContext();
    const carerPage = await carerContext.newPage();
    await signIn(carerPage, carer.email, carer.password);

    await signIn(page, trainer.email, trainer.password);
    // Deactivating is done from the person's page (the trainer's front page no longer lists everyone).
    await page.goto(`/trainer/people/${carer.id}`);
    await page.getByRole("button", { name: "Deactivate Dee Activated" }).click();
    await expect(page.getByText("Dee Activated has been deactivated")).toBeVisible();

    await carerPage.goto("/my");
    await expect(carerPage).toHaveURL(/\/sign-in/);
    await carerContext.close();
  });

  test("home, sign-in and error pages have no accessibility violations", async ({ page }) => {
    for (const path of ["/", "/sign-in", "/sign-in/email", "/sign-in/link?token=nope", "/invite/nope", "/no-such-page"]) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(errorSummary(page)).toContainText("Enter your email address");
    await expectNoAxeViolations(page);
  });
});

test.describe("with JavaScript switched off", () => {
  test.use({ javaScriptEnabled: false });

  test("sign in, and the invitation journey, work", async ({ page, browser }) => {
    const trainer = await makePerson("trainer");
    await signIn(page, trainer.email, trainer.password);
    const email = uniqueEmail("nojs");
    await page.getByLabel("Their email address").fill(email);
    await page.getByLabel("Shared Lives carer").check();
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const carer = await context.newPage();
    await carer.goto(linkIn((await latestMailTo(email))!.body));
    await carer.getByLabel("Your full name").fill("No Script");
    await carer.getByLabel("Create a password").fill("short");
    await carer.getByRole("button", { name: "Create my account" }).click();
    await expect(errorSummary(carer)).toContainText("8 characters or more");
    await carer.getByLabel("Create a password").fill("quiet blue harbour");
    await carer.getByRole("button", { name: "Create my account" }).click();
    await expect(carer.getByRole("heading", { name: "My training" })).toBeVisible();
    await signOut(carer);

    await carer.getByRole("link", { name: "Sign in again" }).click();
    await carer.getByLabel("Email address").fill(email);
    await carer.getByLabel("Password").fill("wrong one here");
    await carer.getByRole("button", { name: "Sign in" }).click();
    await expect(errorSummary(carer)).toContainText("not right");
    await carer.getByLabel("Password").fill("quiet blue harbour");
    await carer.getByRole("button", { name: "Sign in" }).click();
    await expect(carer.getByRole("heading", { name: "My training" })).toBeVisible();
    await context.close();
  });
});
