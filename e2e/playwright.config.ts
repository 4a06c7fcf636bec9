import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./env";

// Drives the production build (npm test builds it first) in Chromium. Debian's Chromium is used
// when CHROMIUM_PATH is set (scripts/test-all.sh sets it); otherwise Playwright's own download.
const executablePath = process.env.CHROMIUM_PATH || undefined;

// On PostgreSQL (E2E_ENGINE=postgres) only the journeys run again: signing in and invitations, quiz
// to certificate to public check, the trainer's pages and export, each scheme's own details, and
// (in the clock project) the yearly cycle. The rest checks pages, not the engine.
const POSTGRES_JOURNEYS = /(auth|quiz|certificates|trainer|scheme-details|supported-session|paper)\.spec\.ts$/;
const phoneSpecs = E2E.engine === "postgres" ? { testMatch: POSTGRES_JOURNEYS } : {};

export default defineConfig({
  testDir: ".",
  outputDir: `../test-results/${E2E.port}`,
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E.baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  // A phone-sized screen: carers mostly use the course on a phone.
  // Tests that move the server's clock run last, on their own, so they cannot upset the others.
  projects: [
    { name: "phone", use: { ...devices["Pixel 7"] }, testIgnore: /clock\.spec\.ts$/, ...phoneSpecs },
    { name: "clock", use: { ...devices["Pixel 7"] }, testMatch: /clock\.spec\.ts$/, dependencies: ["phone"], fullyParallel: false },
  ],
  webServer: {
    command: "node e2e/server.mjs",
    cwd: "..",
    url: `${E2E.baseURL}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
