import { describe, expect, it } from "vitest";
import { BLOCK_BREAK, splitSentences } from "@/app/_components/listen/sentences";

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe("splitSentences", () => {
  it("splits on full stops, question and exclamation marks", () => {
    expect(texts("Share only what is needed. Is it safe? Ask first!")).toEqual(["Share only what is needed.", "Is it safe?", "Ask first!"]);
  });

  it("keeps closing quotes and brackets with their sentence", () => {
    expect(texts("She said “no.” Then she left. (Ask your officer.) Done")).toEqual(["She said “no.”", "Then she left.", "(Ask your officer.)", "Done"]);
  });

  it("does not split inside abbreviations, initials, titles or numbers", () => {
    expect(texts("Use a code, e.g. the one on the card. Dr. Patel agreed. J. Smith wrote 2.5 pages.")).toEqual([
      "Use a code, e.g. the one on the card.",
      "Dr. Patel agreed.",
      "J. Smith wrote 2.5 pages.",
    ]);
  });

  it("always breaks between blocks, even without punctuation", () => {
    expect(texts(`Golden rule 1${BLOCK_BREAK}Remember the law${BLOCK_BREAK}${BLOCK_BREAK}It is not a barrier.`)).toEqual([
      "Golden rule 1",
      "Remember the law",
      "It is not a barrier.",
    ]);
  });

  it("collapses whitespace and line breaks inside a sentence, and drops empty pieces", () => {
    expect(texts("  A carer\n  shares   care.  •  ")).toEqual(["A carer shares care."]);
    expect(texts("")).toEqual([]);
    expect(texts(` ${BLOCK_BREAK} — ${BLOCK_BREAK}`)).toEqual([]);
  });

  it("gives offsets that point at the sentence in the original text", () => {
    const text = `  First one.   Second\n one?${BLOCK_BREAK}Third`;
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end).replace(/\s+/g, " ")).toBe(s.text);
    expect(splitSentences(text).map((s) => s.start)).toEqual([2, 15, text.indexOf("Third")]);
  });
});

describe("splitSentences, list numbers", () => {
  it("keeps a list number with its item", () => {
    expect(texts("1. Who carers are. 2. What they do")).toEqual(["1. Who carers are.", "2. What they do"]);
  });
});
