// Drawing an attempt's scenarios from a module's bank. People who repeat the same test every
// year stop learning from it, so the draw prefers scenarios the person has not seen: first those
// in neither their last attempt nor their previous cycle, then those seen only in the previous
// cycle, and only then those from their last attempt. Never the same scenario twice in an attempt.

export type Random = () => number;

export function drawScenarios(
  bank: readonly string[],
  count: number,
  seen: { lastAttempt?: Iterable<string>; previousCycle?: Iterable<string> } = {},
  random: Random = Math.random,
): string[] {
  const last = new Set(seen.lastAttempt ?? []);
  const previous = new Set(seen.previousCycle ?? []);
  const unique = [...new Set(bank)];
  const penalty = (id: string) => (last.has(id) ? 2 : 0) + (previous.has(id) ? 1 : 0);
  const shuffled = shuffle(unique, random);
  // A stable sort keeps the shuffled order within each tier.
  return shuffled.sort((a, b) => penalty(a) - penalty(b)).slice(0, Math.min(count, unique.length));
}

export function shuffle<T>(items: readonly T[], random: Random = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
