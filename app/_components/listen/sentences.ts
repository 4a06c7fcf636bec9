// Splits a page's text into sentences to be read aloud one at a time. Pure: no DOM, so it is
// unit-tested on its own. Offsets point into the text given, so the caller can map a sentence
// back onto the page's text nodes (to highlight it) without ever changing the page.

/** Put between the text of two blocks (a heading and a paragraph, two list items): always a break. */
export const BLOCK_BREAK = "\u2029";

export type Sentence = { start: number; end: number; text: string };

// Words that end in a full stop but rarely end a sentence when a capital follows ("Dr. Patel").
const TITLES = new Set(["mr", "mrs", "ms", "dr", "st", "prof", "vs", "cf"]);

/** Where a sentence ends in `text`: after . ! ? … (and any closing quotes or brackets). */
function isEnd(text: string, start: number, dot: number, after: number): boolean {
  // A list number ("1. Who carers are") belongs to what follows it.
  if (/^\s*\d+$/.test(text.slice(start, dot))) return false;
  const next = text.slice(after).match(/^\s*(\S)/)?.[1];
  if (next === undefined) return true;
  // "e.g. the carer", "etc. and": a lower-case word carries on the same sentence.
  if (/\p{Ll}/u.test(next)) return false;
  if (text[dot] !== ".") return true;
  const word = text.slice(0, dot).match(/([\p{L}.]+)$/u)?.[1] ?? "";
  // An initial ("J. Smith") or a title ("Mrs. Khan").
  if (/^\p{Lu}$/u.test(word) || TITLES.has(word.toLowerCase())) return false;
  return true;
}

/** The sentences of `text`, in order, each with its offsets (trimmed) and its words on one line. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const spoken = raw.trim().replace(/\s+/g, " ");
    // Only sentences with a letter or a digit: a lone "•" or "—" is not worth saying.
    if (/[\p{L}\p{N}]/u.test(spoken)) out.push({ start: start + lead, end: start + lead + raw.trim().length, text: spoken });
    start = end;
  };
  const enders = /[.!?…]+[”’"')\]]*(?=\s|$)|\u2029/gu;
  for (let m = enders.exec(text); m; m = enders.exec(text)) {
    const after = m.index + m[0].length;
    if (m[0] === BLOCK_BREAK) {
      push(m.index);
      start = after;
    } else if (isEnd(text, start, m.index + m[0].search(/[.!?…][^.!?…]*$/u), after)) {
      push(after);
    }
  }
  push(text.length);
  return out;
}
