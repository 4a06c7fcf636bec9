// How much two quiz items say the same thing: Jaccard similarity of their content words (the words
// left after dropping common short words, lower-cased, with a plural "s" taken off). Crude, but a
// near-copy of a scenario shares most of its words with it, and a genuinely different situation
// does not. Used by overlap.test.ts so leaked answers and near-twin scenarios cannot creep back.

const STOP_WORDS = new Set(
  (
    "a about after again all also am an and any are as at be because been before being but by can " +
    "could did do does doing don't for from had has have he her here hers him his how i if in into is " +
    "it it's its just me more most my no not now of off on once only or other our out over own same " +
    "she should so some such than that the their them then there these they this those through to " +
    "too under until up very was we were what when where which while who whom why will with would " +
    "you you're your yours yourself one two get gets got tell tells told ask asks asked say says said " +
    "let lets go goes going want wants"
  ).split(" "),
);

export function contentWords(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w))
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w));
  return new Set(words);
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

export type QuizItem = { id: string; kind: "check" | "scenario"; text: string };
export type Pair = { a: string; b: string; score: number };

/** Every check–scenario and scenario–scenario pair, most alike first. Checks are not compared with each other. */
export function overlaps(items: QuizItem[]): Pair[] {
  const words = items.map((i) => contentWords(i.text));
  const pairs: Pair[] = [];
  for (let i = 0; i < items.length; i++)
    for (let j = i + 1; j < items.length; j++) {
      if (items[i]!.kind === "check" && items[j]!.kind === "check") continue;
      pairs.push({ a: items[i]!.id, b: items[j]!.id, score: jaccard(words[i]!, words[j]!) });
    }
  return pairs.sort((x, y) => y.score - x.score);
}
