// "Listen to this page": the browser's speech synthesis reads the page's main content aloud. The
// browser's own speechSynthesis is replaced by a fake (an init script) that records each utterance
// and ends it a moment later, so the tests hear exactly what would be said, in order.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./helpers/a11y";
import { makePerson } from "./helpers/db";
import { startQuiz, takeQuiz } from "./helpers/quiz";
import { signIn } from "./helpers/session";

type Spoken = { text: string; rate: number; lang: string; voice: string | null };
type Fake = { spoken: Spoken[]; log: string[]; ms: number; addVoice: () => void };

/** Installs a fake speechSynthesis: "gb" has one en-GB voice, "later" gets it after a moment, "none" has no voice, "missing" has no speechSynthesis. */
async function fakeSpeech(page: Page, mode: "gb" | "later" | "none" | "missing" = "gb") {
  await page.addInitScript((mode) => {
    const w = window as unknown as Record<string, unknown>;
    if (mode === "missing") {
      Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
      return;
    }
    const voices: unknown[] = mode === "gb" ? [{ name: "Fake British", lang: "en-GB", default: true, localService: true, voiceURI: "fake-gb" }] : [];
    type U = { text: string; rate: number; lang: string; voice: { name: string } | null; onend?: (e: unknown) => void; onerror?: (e: unknown) => void; onboundary?: (e: unknown) => void };
    const state = { spoken: [] as Spoken[], log: [] as string[], ms: 40, addVoice: () => {} };
    class FakeSynth extends EventTarget {
      speaking = false;
      paused = false;
      pending = false;
      private queue: U[] = [];
      private current: U | null = null;
      getVoices() {
        return voices.slice();
      }
      speak(u: U) {
        state.log.push("speak");
        state.spoken.push({ text: u.text, rate: u.rate, lang: u.lang, voice: u.voice?.name ?? null });
        this.queue.push(u);
        if (!this.current) this.next();
      }
      private next() {
        const u = this.queue.shift() ?? null;
        this.current = u;
        this.speaking = !!u;
        if (!u) return;
        setTimeout(() => {
          if (this.current === u) u.onboundary?.({ name: "word", charIndex: 0 });
        }, 5);
        setTimeout(() => {
          if (this.current !== u) return;
          u.onend?.({});
          this.next();
        }, state.ms);
      }
      cancel() {
        state.log.push("cancel");
        const u = this.current;
        this.queue = [];
        this.current = null;
        this.speaking = false;
        if (u) setTimeout(() => u.onerror?.({ error: "interrupted" }), 0);
      }
      pause() {
        state.log.push("pause");
        this.paused = true;
      }
      resume() {
        state.log.push("resume");
        this.paused = false;
      }
    }
    const synth = new FakeSynth();
    state.addVoice = () => {
      voices.push({ name: "Fake British", lang: "en-GB", default: true, localService: true, voiceURI: "fake-gb" });
      synth.dispatchEvent(new Event("voiceschanged"));
    };
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
    w.SpeechSynthesisUtterance = class {
      rate = 1;
      lang = "";
      voice = null;
      constructor(public text: string) {}
    };
    w.__speech = state;
  }, mode);
}

const speech = (page: Page) => page.evaluate(() => (window as unknown as { __speech: Fake }).__speech);
const listen = (page: Page) => page.getByRole("button", { name: "Listen to this page" });
const control = (page: Page) => page.getByRole("group", { name: "Listen to this page" });

/** Plays the whole page and returns what was said, once it has stopped. */
async function playAll(page: Page): Promise<Spoken[]> {
  const before = (await speech(page)).spoken.length;
  await listen(page).click();
  await expect.poll(async () => (await speech(page)).spoken.length).toBeGreaterThan(before);
  await expect(listen(page)).toBeVisible({ timeout: 30_000 });
  return (await speech(page)).spoken.slice(before);
}

/** Every sentence is text of the content region, in the order it appears there; none is the control's, the header's or the footer's. */
async function expectReadInOrder(page: Page, spoken: Spoken[]) {
  const region = page.locator("[data-listen]");
  const text = (await region.evaluate((el) => el.textContent ?? "")).replace(/\s+/g, " ");
  const outside = await page.evaluate(() => [document.querySelector(".site-header")?.textContent ?? "", document.querySelector(".site-footer")?.textContent ?? ""]);
  expect(spoken.length).toBeGreaterThan(2);
  let at = 0;
  for (const s of spoken) {
    const found = text.indexOf(s.text, at);
    expect(found, `"${s.text}" is on the page after the sentence before it`).toBeGreaterThanOrEqual(at);
    at = found;
    expect(s.text).not.toMatch(/Listen to this page|Normal speed|Slower/);
    expect(s.lang).toBe("en-GB");
    expect(s.voice).toBe("Fake British");
  }
  const footerSentence = outside[1]!.replace(/\s+/g, " ").trim().split(". ")[0]!;
  expect(footerSentence.length).toBeGreaterThan(5);
  expect(spoken.some((s) => s.text.includes(footerSentence))).toBe(false);
  expect(spoken.some((s) => s.text === "Sign out" || s.text.startsWith("Skip to"))).toBe(false);
}

async function expectControlReady(page: Page) {
  await expect(control(page)).toBeVisible();
  for (const b of await control(page).getByRole("button").all()) {
    const box = (await b.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
  }
  await expect(page.getByRole("button", { name: "Normal speed" })).toHaveAttribute("aria-pressed", "true");
  // No live region of its own: state is in the button labels.
  await expect(control(page).locator("[aria-live],[role=status],[role=alert]")).toHaveCount(0);
}

test.describe("listen to this page", () => {
  test("a lesson: plays the content in order, highlights the sentence, pauses, resumes, stops, and reads slower", async ({ page }) => {
    await fakeSpeech(page);
    const carer = await makePerson("carer");
    await signIn(page, carer.email, carer.password);
    await page.goto("/modules/golden-rules/golden-rules");
    await expectControlReady(page);
    await expectNoAxeViolations(page);
    const h1 = await page.getByRole("heading", { level: 1 }).textContent();

    const spoken = await playAll(page);
    await expectReadInOrder(page, spoken);
    expect(spoken[0]!.text).toMatch(/^Module \d+:/);
    expect(spoken[1]!.text).toBe(h1);
    expect(spoken.every((s) => s.rate === 1)).toBe(true);
    // The highlight is gone once finished, and the page's text never changed.
    expect(await page.evaluate(() => CSS.highlights.has("listen"))).toBe(false);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(h1!);

    // Slow speech, so there is time to pause mid-page.
    await page.evaluate(() => ((window as unknown as { __speech: Fake }).__speech.ms = 600));
    await listen(page).click();
    const pause = page.getByRole("button", { name: "Pause" });
    await expect(pause).toBeVisible();
    await expect.poll(async () => (await speech(page)).spoken.length).toBeGreaterThan(spoken.length + 1);
    // The sentence being read is highlighted, as a Range over the page's own text.
    const [highlighted, reading] = await page.evaluate(() => {
      const h = CSS.highlights.get("listen");
      const said = (window as unknown as { __speech: Fake }).__speech.spoken;
      return [h ? [...h][0]!.toString().replace(/\s+/g, " ").trim() : null, said.at(-1)!.text];
    });
    expect(highlighted).toBe(reading);
    await expectNoAxeViolations(page);

    await pause.click();
    const resume = page.getByRole("button", { name: "Resume" });
    await expect(resume).toBeFocused();
    const atPause = (await speech(page)).spoken.length;
    const now = (await speech(page)).spoken.at(-1)!.text;
    expect((await speech(page)).log.at(-1)).toBe("cancel");
    await page.waitForTimeout(1500);
    expect((await speech(page)).spoken.length).toBe(atPause);

    await resume.click();
    await expect(pause).toBeVisible();
    // It picks up at the sentence it was reading.
    await expect.poll(async () => (await speech(page)).spoken.length).toBe(atPause + 1);
    expect((await speech(page)).spoken.at(-1)!.text).toBe(now);

    await page.getByRole("button", { name: "Stop" }).click();
    await expect(listen(page)).toBeFocused();
    await expect(page.getByRole("button", { name: "Stop" })).toHaveCount(0);
    const atStop = (await speech(page)).spoken.length;
    await page.waitForTimeout(1500);
    expect((await speech(page)).spoken.length).toBe(atStop);
    expect(await page.evaluate(() => CSS.highlights.has("listen"))).toBe(false);

    // Slower: the next play uses rate 0.8.
    await page.getByRole("button", { name: "Slower" }).click();
    await expect(page.getByRole("button", { name: "Slower" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("button", { name: "Normal speed" })).toHaveAttribute("aria-pressed", "false");
    await listen(page).click();
    await expect.poll(async () => (await speech(page)).spoken.length).toBeGreaterThan(atStop);
    expect((await speech(page)).spoken.at(-1)!.rate).toBe(0.8);

    // Leaving the page stops the speech.
    await page.getByRole("link", { name: "Back to the module overview" }).first().click();
    await expect(control(page)).toHaveCount(0);
    expect((await speech(page)).log.at(-1)).toBe("cancel");
  });

  test("a quiz question and its result: reads only what the page shows", async ({ page }) => {
    await fakeSpeech(page);
    const carer = await makePerson("carer");
    await signIn(page, carer.email, carer.password);
    await page.goto("/modules/golden-rules/quiz");
    await startQuiz(page, "Start the quiz");
    await expectControlReady(page);
    await expectNoAxeViolations(page);
    const spoken = await playAll(page);
    await expectReadInOrder(page, spoken);
    expect(spoken[1]!.text).toBe(await page.getByRole("heading", { level: 1 }).textContent());
    // The options are read as they are shown; nothing says which is best.
    expect(spoken.map((s) => s.text).join(" ")).not.toMatch(/best answer/i);

    await takeQuiz(page, "golden-rules", "wrong");
    await expectControlReady(page);
    await expectNoAxeViolations(page);
    await expectReadInOrder(page, await playAll(page));
  });

  test("the walk-through: start page, a question and an outcome", async ({ page }) => {
    await fakeSpeech(page);
    for (const path of ["/should-i-share", "/should-i-share/q1", "/should-i-share/out-seek-advice"]) {
      await page.goto(path);
      await expectControlReady(page);
      await expectNoAxeViolations(page);
      await expectReadInOrder(page, await playAll(page));
    }
  });

  test("voices that arrive late show the control then", async ({ page }) => {
    await fakeSpeech(page, "later");
    await page.goto("/should-i-share/q1");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForTimeout(500);
    await expect(control(page)).toHaveCount(0);
    await page.evaluate(() => (window as unknown as { __speech: Fake }).__speech.addVoice());
    await expect(control(page)).toBeVisible();
  });

  for (const mode of ["none", "missing"] as const) {
    test(`no control when the browser has ${mode === "none" ? "no voices" : "no speechSynthesis"}`, async ({ page }) => {
      await fakeSpeech(page, mode);
      await page.goto("/should-i-share/q1");
      await expect(page.getByRole("link", { name: "Yes", exact: true })).toBeVisible();
      await page.waitForTimeout(500);
      await expect(control(page)).toHaveCount(0);
      await expect(page.locator(".listen")).toHaveCount(0);
    });
  }
});

test.describe("listen, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("there is no control at all", async ({ page }) => {
    await page.goto("/should-i-share/q1");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator(".listen")).toHaveCount(0);
    const carer = await makePerson("carer");
    await signIn(page, carer.email, carer.password);
    await page.goto("/modules/golden-rules/golden-rules");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator(".listen")).toHaveCount(0);
    await expect(page.getByText("Listen to this page")).toHaveCount(0);
  });
});
