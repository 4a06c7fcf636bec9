import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** No WCAG 2.2 A/AA violations (and best practice) on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // After a client-side navigation Next.js sets the new <title> a moment after the content.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * The same check for a page whose context has JavaScript off, where axe cannot run (its promises
 * never settle: "Resulting promise was garbage collected"). The page's HTML as the server sent it,
 * without its scripts, is checked in a page with JavaScript on at the same address, so that its
 * styles load and contrast is measured as a carer sees it. Works for the page after a form post too.
 */
export async function expectNoAxeViolationsWithoutJs(page: Page): Promise<void> {
  await expect(page).toHaveTitle(/\S/);
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  // JavaScript on explicitly: a new context takes the test's options (javaScriptEnabled: false) otherwise.
  const context = await page.context().browser()!.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true });
  try {
    const copy = await context.newPage();
    await copy.route((address) => address.href === url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await copy.goto(url);
    const results = await new AxeBuilder({ page: copy }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(summary, `axe violations on ${url} (JavaScript off)`).toEqual([]);
  } finally {
    await context.close();
  }
}
