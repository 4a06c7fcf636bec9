// Drawing an attempt's scenarios from a module's bank. Two aims, in this order:
//
// 1. Cover different ground. Every scenario is tagged with the topic it tests, and an attempt takes
//    one scenario per topic (a "slot per category", as Moodle's random questions per category do).
//    A topic is used a second time only once every topic in the bank has been used, a third time
//    only once every topic that has a second scenario has been used twice, and so on.
// 2. Rotate. People who repeat the same test every year stop learning from it, so the draw prefers
//    scenarios in neither the last attempt nor the previous cycle, then those seen only in the
//    previous cycle, and only then those from the last attempt. Never the same scenario twice.
//
// Within those rules, topics the person was not tested on last time come first, so an attempt and
// the one after it (a retake, or next year's refresher) together cover as many topics as they can.
// Topic balance is a hard rule; rotation decides which scenario fills each slot and which topics get
// the slots; topic freshness only breaks ties between equally fresh scenarios. (When only previous
// attempts are known, every scenario on an untested topic is fresh, so this never costs coverage.)

export type Random = () => number;
export type Tagged = { id: string; topic: string };
export type Seen = { lastAttempt?: Iterable<string>; previousCycle?: Iterable<string> };

export function drawScenarios(bank: readonly Tagged[], count: number, seen: Seen = {}, random: Random = Math.random): string[] {
  const last = new Set(seen.lastAttempt ?? []);
  const previous = new Set(seen.previousCycle ?? []);
  // 0: seen in neither; 1: previous cycle only; 2: last attempt; 3: both.
  const staleness = (id: string) => (last.has(id) ? 2 : 0) + (previous.has(id) ? 1 : 0);

  // One entry per scenario id (a bank listing an id twice must not draw it twice).
  const unique = [...new Map(bank.map((s) => [s.id, s])).values()];
  // The same scale for topics: was any of its scenarios in the last attempt, the previous cycle?
  const topicStaleness = new Map<string, number>();
  for (const s of unique) topicStaleness.set(s.topic, (topicStaleness.get(s.topic) ?? 0) | staleness(s.id));

  // Each topic's scenarios, freshest first; random order within a tier.
  const byTopic = new Map<string, Tagged[]>();
  for (const s of shuffle(unique, random)) byTopic.set(s.topic, [...(byTopic.get(s.topic) ?? []), s]);
  for (const list of byTopic.values()) list.sort((a, b) => staleness(a.id) - staleness(b.id));

  // A random tie-break per topic, fixed once so the sort below is consistent.
  const tieBreak = new Map([...byTopic.keys()].map((t) => [t, random()]));
  const wanted = Math.min(Math.max(0, Math.floor(count)), unique.length);
  const drawn: string[] = [];
  // Round by round: round k gives a k-th scenario to topics that have one, best slots first.
  for (let round = 0; drawn.length < wanted; round++) {
    const candidates = [...byTopic.entries()]
      .filter(([, list]) => list.length > round)
      .map(([topic, list]) => ({ topic, scenario: list[round]! }))
      .sort(
        (a, b) =>
          staleness(a.scenario.id) - staleness(b.scenario.id) ||
          topicStaleness.get(a.topic)! - topicStaleness.get(b.topic)! ||
          tieBreak.get(a.topic)! - tieBreak.get(b.topic)!,
      );
    for (const { scenario } of candidates.slice(0, wanted - drawn.length)) drawn.push(scenario.id);
  }
  // The order of questions says nothing about how they were chosen.
  return shuffle(drawn, random);
}

export function shuffle<T>(items: readonly T[], random: Random = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
