import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/a11y";
import { bool, e2eSql, makePerson, makeScheme, time, uniqueEmail } from "./helpers/db";
import { errorSummary, signIn } from "./helpers/session";

// Each test works in a scheme of its own, so tests running side by side (and the other specs, which
// use the demo scheme) never see each other's people.

const MODULES = ["golden-rules", "confidentiality", "triangle-of-care"] as const;

/** Today in England, and days from it, as YYYY-MM-DD (the server uses the real clock here). */
function day(offset = 0): string {
  const london = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const d = new Date(`${london}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
function code(): string {
  return [...randomBytes(28)].map((b) => CROCKFORD[b % 32]).join("");
}

/** A person who completed their training on `completedOn`, with the certificate that earned. */
async function certify(person: { id: number; name: string; schemeId: number | null }, completedOn: string, expiresOn: string) {
  const modules = [];
  for (const slug of MODULES) {
    await e2eSql.run(
      "insert into module_completions (person_id, module_slug, cycle, completed_on, recorded_at, score, total, content_version) values (?, ?, 1, ?, ?, 5, 5, '2026.1')",
      person.id,
      slug,
      completedOn,
      time(Date.now()),
    );
    modules.push({ slug, title: slug, completedOn, assisted: false, score: 5, total: 5 });
  }
  await e2eSql.run(
    `insert into certificates (code, person_id, scheme_id, holder_name, course_id, course_title, content_version, cycle, issued_on, expires_on, modules)
     values (?, ?, ?, ?, 'shared-lives-information-sharing', 'Confidentiality and information sharing for Shared Lives', '2026.1', 1, ?, ?, ?)`,
    code(),
    person.id,
    person.schemeId,
    person.name,
    completedOn,
    expiresOn,
    JSON.stringify(modules),
  );
}

async function ownScheme(label: string) {
  const schemeName = `${label} ${randomBytes(3).toString("hex")}`;
  const schemeId = await makeScheme(schemeName);
  const trainer = await makePerson("trainer", { schemeId, name: `Trainer of ${schemeName}` });
  return { schemeId, schemeName, trainer };
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path!, "utf8") };
}

test.describe("trainer workspace", () => {
  test("bulk invite with some bad lines: nothing is sent until the trainer chooses", async ({ page }) => {
    const { schemeId, trainer } = await ownScheme("Bulk");
    const existing = await makePerson("carer", { schemeId });
    await signIn(page, trainer.email, trainer.password);
    await page.getByRole("navigation", { name: "Trainer pages" }).getByRole("link", { name: "Intakes and invitations" }).click();
    await expect(page.getByRole("heading", { name: "Intakes and invitations" })).toBeVisible();
    await expectNoAxeViolations(page);

    const intake = `Spring ${randomBytes(2).toString("hex")}`;
    await page.getByLabel("Name of the intake").fill(intake);
    await page.getByLabel("Start date").fill(day(14));
    await page.getByRole("button", { name: "Create intake" }).click();
    await expect(page.getByText(`Intake “${intake}” created`)).toBeVisible();
    await page.getByRole("link", { name: intake }).click();
    await expect(page.getByRole("heading", { name: intake })).toBeVisible();
    await expectNoAxeViolations(page);

    const good1 = uniqueEmail("bulk-good");
    const good2 = uniqueEmail("bulk-good");
    await page.getByLabel("Email addresses").fill([good1, "not-an-address", `Gail Good <${good2}>`, existing.email].join("\n"));
    await page.getByLabel("Shared Lives carers").check();
    await page.getByRole("button", { name: "Check the list and send invitations" }).click();

    await expect(errorSummary(page)).toContainText("2 lines have problems, so nobody has been invited yet");
    await expect(errorSummary(page)).toContainText("Line 2: “not-an-address” is not an email address in the correct format");
    await expect(errorSummary(page)).toContainText("Line 4: Someone with this email address already has an account");
    await expect(errorSummary(page).getByRole("link").first()).toHaveAttribute("href", "#list");
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoAxeViolations(page);
    const invited = () => e2eSql.count("select count(*) as n from invitations where email in (?, ?)", good1, good2);
    expect(await invited()).toBe(0);

    // The list is still there; the trainer chooses to invite the good lines only.
    await expect(page.getByLabel("Email addresses")).toHaveValue(new RegExp(good1));
    await page.getByLabel("If some lines are wrong, invite the people whose lines are right").check();
    await page.getByRole("button", { name: "Check the list and send invitations" }).click();
    await expect(page.getByText("Invitations sent to 2 people. Left out, as you chose: lines 2 and 4.")).toBeVisible();
    expect(await invited()).toBe(2);
    await expect(page.getByRole("table", { name: "Invitations not yet accepted" })).toContainText("Gail Good");
    await expectNoAxeViolations(page);
  });

  test("a CSV file with a wrong role is refused with the line and the reason", async ({ page }) => {
    const { trainer, schemeId } = await ownScheme("Csv");
    const intakeId = await e2eSql.insert("insert into intakes (scheme_id, name, start_date) values (?, 'CSV intake', ?)", schemeId, day(7));
    await signIn(page, trainer.email, trainer.password);
    await page.goto(`/trainer/intakes/${intakeId}`);
    const ok = uniqueEmail("csv");
    await page.getByLabel("Or choose a CSV file").setInputFiles({
      name: "people.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`name,email,role\nCal Csv,${ok},carer\nVic Volunteer,${uniqueEmail("csv")},volunteer\n`),
    });
    await page.getByRole("button", { name: "Check the list and send invitations" }).click();
    await expect(errorSummary(page)).toContainText("Line 3: The role “volunteer” is not one we know");
    // The file's lines are copied into the box, to correct there.
    await expect(page.getByLabel("Email addresses")).toHaveValue(/Vic Volunteer/);
    await page.getByLabel("Email addresses").fill(`name,email,role\nCal Csv,${ok},carer\n`);
    await page.getByRole("button", { name: "Check the list and send invitations" }).click();
    await expect(page.getByText("Invitations sent to 1 person.")).toBeVisible();
  });

  test("filter the matrix to overdue and export what it shows", async ({ page }) => {
    const { schemeId, schemeName, trainer } = await ownScheme("Matrix");
    const valid = await makePerson("carer", { schemeId, name: "Vera Valid" });
    const overdue = await makePerson("carer", { schemeId, name: "Otto Overdue" });
    const lapsed = await makePerson("staff", { schemeId, name: "Lara Lapsed" });
    await makePerson("carer", { schemeId, name: "Nell New" });
    await certify(valid, day(-100), day(265));
    await certify(overdue, day(-395), day(-30));
    await certify(lapsed, day(-600), day(-235));

    await signIn(page, trainer.email, trainer.password);
    await page.getByRole("link", { name: "Open the training matrix" }).click();
    await expect(page.getByRole("heading", { name: "Training matrix" })).toBeVisible();
    await expect(page.getByTestId("summary-line")).toContainText("1 of 5 current people (20%) have a valid certificate");
    await expectNoAxeViolations(page);

    await page.getByLabel("Status").selectOption("overdue");
    await page.getByRole("button", { name: "Show people" }).click();
    await expect(page).toHaveURL(/status=overdue/);
    const table = page.getByRole("table", { name: /Training matrix for/ });
    await expect(table.getByRole("row")).toHaveCount(2);
    const row = table.getByRole("row", { name: /Otto Overdue/ });
    await expect(row).toContainText("Overdue");
    await expect(row).toContainText("To do again");
    await expect(row).toContainText(`Expired`);
    await expect(table).not.toContainText("Vera Valid");
    await expect(table).not.toContainText("Lara Lapsed");
    await expectNoAxeViolations(page);

    const file = await download(page, () => page.getByRole("link", { name: /Download this list as a spreadsheet/ }).click());
    expect(file.name).toMatch(/^training-matrix-matrix-[0-9a-f]{6}-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = file.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Training matrix");
    expect(lines[1]).toBe(`Scheme,${schemeName}`);
    expect(file.text).toContain("Status: Overdue");
    const header = lines.findIndex((l) => l.startsWith("Name,"));
    const body = lines.slice(header + 1).filter(Boolean);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatch(/^Otto Overdue,Carer,,,Overdue,To do again,,,To do again,,,To do again,,,Overdue,/);
    // The row says what the page says: every cell's words appear in the page's row.
    for (const cell of body[0]!.split(",").filter((c) => c && !/^\d/.test(c))) await expect(row).toContainText(cell.replace(/^"|"$/g, ""));

    // The matrix's own status links filter too, and say what "lapsed" means (not "expired",
    // which a certificate says from the day after its expiry date).
    await page.getByRole("link", { name: "Lapsed 1", exact: true }).click();
    await expect(table.getByRole("row", { name: /Lara Lapsed/ })).toContainText("Lapsed");
    await page.getByText("What the statuses mean").click();
    await expect(page.getByText(/The certificate expired more than 90 days ago/)).toBeVisible();
  });

  test("record an assisted completion, shown as assisted in the matrix", async ({ page }) => {
    const { schemeId, trainer } = await ownScheme("Assisted");
    const carer = await makePerson("carer", { schemeId, name: "Paula Paper" });
    await signIn(page, trainer.email, trainer.password);
    await page.getByRole("link", { name: "Open the training matrix" }).click();
    await page.getByLabel("Name or email").fill("Paula");
    await page.getByRole("button", { name: "Show people" }).click();
    await page.getByRole("link", { name: "Paula Paper" }).click();
    await expect(page.getByRole("heading", { name: "Paula Paper", exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: /Record a module they completed on paper/ }).click();
    await expect(page.getByRole("heading", { name: "Record an assisted completion for Paula Paper" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Record assisted completion" }).click();
    await expect(errorSummary(page)).toContainText("Choose the module they completed");
    await expect(errorSummary(page)).toContainText("Enter who helped them");
    await expectNoAxeViolations(page);

    await page.getByLabel("The seven golden rules of information sharing").check();
    await page.getByLabel("Date they completed it").fill(day(-2));
    await page.getByLabel("Who helped them").fill("Olu Officer (Shared Lives officer)");
    await page.getByLabel("Evidence").fill("Signed paper workbook, kept in Paula's file at the office.");
    await page.getByRole("button", { name: "Record assisted completion" }).click();

    await expect(page.getByRole("heading", { name: "Paula Paper", exact: true })).toBeVisible();
    await expect(page.getByText("Recorded: Paula Paper completed The seven golden rules of information sharing on paper (assisted).")).toBeVisible();
    const current = page.getByRole("table", { name: "Modules and certificate for Paula Paper" });
    await expect(current.getByRole("row", { name: /golden rules/ })).toContainText(/Complete\s*Assisted/);
    await expect(page.getByRole("table", { name: /Audit entries about Paula Paper/ })).toContainText("Recorded an assisted completion");
    const completion = await e2eSql.row<{ assisted: number | boolean }>("select assisted, assisted_by, evidence, recorded_by from module_completions where person_id = ?", carer.id);
    expect({ ...completion, assisted: Boolean(completion?.assisted) }).toEqual({ assisted: true, assisted_by: "Olu Officer (Shared Lives officer)", evidence: "Signed paper workbook, kept in Paula's file at the office.", recorded_by: trainer.id });

    await page.getByRole("link", { name: "Back to the training matrix" }).click();
    const row = page.getByRole("row", { name: /Paula Paper/ });
    await expect(row).toContainText("In progress");
    await expect(row).toContainText("Assisted");
  });

  test("a carer downloads all their data", async ({ page }) => {
    const { schemeId } = await ownScheme("Data");
    const carer = await makePerson("carer", { schemeId, name: "Dora Data" });
    await certify(carer, day(-10), day(355));
    await signIn(page, carer.email, carer.password);
    await page.goto("/my");
    const file = await download(page, () => page.locator('a[href="/my/data"]').first().click());
    expect(file.name).toMatch(/^shared-lives-training-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(file.text);
    expect(data.person).toMatchObject({ name: "Dora Data", email: carer.email, role: "carer", hasPassword: true });
    expect(data.certificates).toHaveLength(1);
    expect(data.moduleCompletions).toHaveLength(3);
    expect(data.signingIn.passwordAttempts.at(-1).succeeded).toBe(true);
    expect(file.text).not.toMatch(/\$argon2/);
    expect(data.auditTrail.map((a: { action: string }) => a.action)).toContain("signed-in");
  });

  test("every trainer page passes an accessibility check", async ({ page }) => {
    // Sixteen pages, each with a full axe run: more than the default minute on a busy two-core machine.
    test.setTimeout(180_000);
    const { schemeId, trainer } = await ownScheme("Axe");
    const carer = await makePerson("carer", { schemeId, name: "Axel Access" });
    await certify(carer, day(-380), day(-15));
    const intakeId = await e2eSql.insert("insert into intakes (scheme_id, name, start_date) values (?, 'Axe intake', ?)", schemeId, day(7));
    await e2eSql.run("update people set intake_id = ? where id = ?", intakeId, carer.id);
    const leaver = await makePerson("staff", { schemeId, name: "Lou Left" });
    await e2eSql.run("update people set active = ?, deactivated_at = ? where id = ?", bool(false), time(Date.now() - 7 * 365 * 86_400_000), leaver.id);
    await signIn(page, trainer.email, trainer.password);
    for (const path of [
      "/trainer",
      "/trainer/matrix",
      "/trainer/matrix?status=overdue&sort=status",
      "/trainer/matrix?q=nobody-matches-this",
      "/trainer/intakes",
      `/trainer/intakes/${intakeId}`,
      `/trainer/people/${carer.id}`,
      `/trainer/people/${carer.id}/assisted`,
      `/trainer/people/${leaver.id}`,
      "/trainer/analytics",
      "/trainer/audit",
      `/trainer/audit?person=${carer.id}`,
      "/trainer/audit?q=Axel",
      "/trainer/leavers",
      "/trainer/outbox",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
    // The leaver is due to be anonymised; the trainer does it now.
    await page.goto("/trainer/leavers");
    await page.getByRole("button", { name: "Anonymise them now" }).click();
    await expect(errorSummary(page)).toContainText("Tick the box to confirm");
    await expectNoAxeViolations(page);
    await page.getByLabel(/I understand that anonymising 1 person cannot be undone/).check();
    await page.getByRole("button", { name: "Anonymise them now" }).click();
    await expect(page.getByText("1 person has been anonymised.")).toBeVisible();
    expect((await e2eSql.row<{ name: string }>("select name from people where id = ?", leaver.id))?.name).toBe(`Anonymised person ${leaver.id}`);
  });

  test("carers, staff and other schemes' trainers see none of it", async ({ page, request }) => {
    const { schemeId } = await ownScheme("Walls");
    const secret = await makePerson("carer", { schemeId, name: "Sian Secret" });
    const other = await ownScheme("Other");
    const carer = await makePerson("carer", { schemeId });

    await signIn(page, carer.email, carer.password);
    for (const path of ["/trainer/matrix", `/trainer/people/${secret.id}`, "/trainer/analytics", "/trainer/audit", "/trainer/intakes", "/trainer/leavers"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByText("Sian Secret")).toHaveCount(0);
    }
    await expectNoAxeViolations(page);
    expect((await page.request.get(`/trainer/matrix/export?scheme=${schemeId}`)).status()).toBe(403);
    expect((await page.request.get(`/trainer/people/${secret.id}/data`)).status()).toBe(403);

    // Another scheme's trainer, naming this scheme's ids directly.
    await page.context().clearCookies();
    await signIn(page, other.trainer.email, other.trainer.password);
    for (const path of [`/trainer/matrix?scheme=${schemeId}`, `/trainer/people/${secret.id}`, `/trainer/people/${secret.id}/assisted`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByText("Sian Secret")).toHaveCount(0);
    }
    for (const path of [`/trainer/matrix/export?scheme=${schemeId}`, `/trainer/people/${secret.id}/data`]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(403);
      expect(await response.text()).not.toContain("Sian");
    }
    // Signed out, the export sends you to sign in.
    const anonymous = await request.get("/trainer/matrix/export", { maxRedirects: 0 });
    expect([303, 307]).toContain(anonymous.status());
  });
});

test.describe("with JavaScript switched off", () => {
  test.use({ javaScriptEnabled: false });

  test("filtering, paging and the bulk invitation check work", async ({ page }) => {
    const { schemeId, trainer } = await ownScheme("NoJs");
    for (let i = 0; i < 3; i++) await makePerson("carer", { schemeId, name: `Nojs Person ${i}` });
    const intakeId = await e2eSql.insert("insert into intakes (scheme_id, name, start_date) values (?, 'No JS intake', ?)", schemeId, day(7));
    await signIn(page, trainer.email, trainer.password);
    await page.goto("/trainer/matrix");
    await page.getByLabel("Role").selectOption("carer");
    await page.getByLabel("Sort by").selectOption("name-desc");
    await page.getByRole("button", { name: "Show people" }).click();
    await expect(page).toHaveURL(/role=carer/);
    await expect(page.getByRole("table", { name: /Training matrix for/ }).getByRole("row").nth(1)).toContainText("Nojs Person 2");

    await page.goto(`/trainer/intakes/${intakeId}`);
    await page.getByLabel("Email addresses").fill("someone@example\nfine@example.org");
    await page.getByRole("button", { name: "Check the list and send invitations" }).click();
    await expect(errorSummary(page)).toContainText("Line 1: “someone@example” is not an email address");
    await expect(errorSummary(page)).toContainText("There is no role");
  });
});
