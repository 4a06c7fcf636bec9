import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Seen, type Tagged, drawScenarios, shuffle } from "@/lib/quiz/draw";

/** A seeded generator so draws are repeatable. */
function seeded(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

/** A bank where every scenario has a topic of its own: only rotation decides. */
const ownTopics = (ids: string[]): Tagged[] => ids.map((id) => ({ id, topic: `t-${id}` }));
const bank = ownTopics(["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10"]);

/** A bank written as topic → scenario ids. */
const tagged = (topics: Record<string, string[]>): Tagged[] => Object.entries(topics).flatMap(([topic, ids]) => ids.map((id) => ({ id, topic })));
const topicOf = (b: Tagged[]) => new Map(b.map((s) => [s.id, s.topic]));
const topicsIn = (b: Tagged[], ids: string[]) => new Set(ids.map((id) => topicOf(b).get(id)!));

describe("drawing scenarios: rotation", () => {
  it("draws the number asked for, with no repeats", () => {
    for (let seed = 1; seed < 50; seed++) {
      const drawn = drawScenarios(bank, 5, {}, seeded(seed));
      expect(drawn).toHaveLength(5);
      expect(new Set(drawn).size).toBe(5);
      for (const id of drawn) expect(bank.map((s) => s.id)).toContain(id);
    }
  });

  it("rotates away from the last attempt when the bank allows", () => {
    const last = ["s1", "s2", "s3", "s4", "s5"];
    for (let seed = 1; seed < 50; seed++) {
      const drawn = drawScenarios(bank, 5, { lastAttempt: last }, seeded(seed));
      expect(drawn.filter((id) => last.includes(id))).toEqual([]);
    }
  });

  it("prefers what was not seen in the previous cycle, then fills from it before repeating the last attempt", () => {
    const last = ["s1", "s2", "s3", "s4", "s5"];
    const previousCycle = ["s6", "s7", "s8"];
    const drawn = drawScenarios(bank, 5, { lastAttempt: last, previousCycle }, seeded(3));
    expect(drawn).toEqual(expect.arrayContaining(["s9", "s10"]));
    expect(drawn.filter((id) => previousCycle.includes(id))).toHaveLength(3);
    expect(drawn.filter((id) => last.includes(id))).toHaveLength(0);
  });

  it("with a small bank, draws what there is and repeats only as much as it must", () => {
    expect(drawScenarios(ownTopics(["a", "b", "c"]), 5, {}, seeded(1)).sort()).toEqual(["a", "b", "c"]);
    const drawn = drawScenarios(ownTopics(["a", "b", "c", "d", "e", "f"]), 5, { lastAttempt: ["a", "b", "c", "d", "e"] }, seeded(2));
    expect(drawn).toContain("f");
    expect(new Set(drawn).size).toBe(5);
    expect(drawScenarios([], 5)).toEqual([]);
    expect(drawScenarios(ownTopics(["a", "a", "b"]), 5, {}, seeded(1)).sort()).toEqual(["a", "b"]);
  });

  it("varies the order between draws", () => {
    const orders = new Set(Array.from({ length: 20 }, (_, i) => drawScenarios(bank, 5, {}, seeded(i + 1)).join()));
    expect(orders.size).toBeGreaterThan(10);
  });

  it("shuffles without losing or adding items", () => {
    const ids = bank.map((s) => s.id);
    expect(shuffle(ids, seeded(9)).sort()).toEqual([...ids].sort());
  });
});

describe("drawing scenarios: one slot per topic", () => {
  // Shaped like a real module: some topics have several scenarios, some one.
  const moduleBank = tagged({
    consent: ["c1", "c2", "c3"],
    harm: ["h1", "h2"],
    record: ["r1", "r2"],
    secure: ["s1", "s2", "s3", "s4"],
    open: ["o1"],
    advice: ["a1"],
    purpose: ["p1"],
  });

  it("never gives two scenarios on the same topic when there are enough topics", () => {
    for (let seed = 1; seed < 200; seed++) {
      const drawn = drawScenarios(moduleBank, 5, {}, seeded(seed));
      expect(drawn).toHaveLength(5);
      expect(topicsIn(moduleBank, drawn).size, `seed ${seed}: ${drawn}`).toBe(5);
    }
  });

  it("a retake tests the topics the last attempt left out first", () => {
    for (let seed = 1; seed < 100; seed++) {
      const first = drawScenarios(moduleBank, 5, {}, seeded(seed));
      const second = drawScenarios(moduleBank, 5, { lastAttempt: first }, seeded(seed + 1000));
      // 7 topics: the second attempt must include both topics the first missed.
      expect(topicsIn(moduleBank, [...first, ...second]).size, `seed ${seed}`).toBe(7);
    }
  });

  it("repeats a topic only after every topic has been used", () => {
    const small = tagged({ consent: ["c1", "c2", "c3"], harm: ["h1", "h2"], open: ["o1"] });
    for (let seed = 1; seed < 100; seed++) {
      const drawn = drawScenarios(small, 5, {}, seeded(seed));
      const perTopic = (t: string) => drawn.filter((id) => topicOf(small).get(id) === t).length;
      // Rounds: c, h, o (3), then c, h (5).
      expect([perTopic("consent"), perTopic("harm"), perTopic("open")]).toEqual([2, 2, 1]);
    }
  });

  it("fills a topic's slot with a scenario the person has not seen, if the topic has one", () => {
    const drawn = drawScenarios(moduleBank, 7, { lastAttempt: ["c1", "h1", "r1", "s1", "o1"], previousCycle: ["c2", "s2"] }, seeded(4));
    expect(topicsIn(moduleBank, drawn).size).toBe(7);
    expect(drawn).toEqual(expect.arrayContaining(["c3", "h2", "r2", "a1", "p1", "o1"]));
    expect(drawn.some((id) => id === "s3" || id === "s4")).toBe(true);
  });

  it("keeps topics apart even when that means repeating a scenario from the last attempt", () => {
    // Balance is the hard rule: two consent scenarios would test the same thing twice.
    const b = tagged({ consent: ["c1", "c2"], harm: ["h1"] });
    for (let seed = 1; seed < 20; seed++) {
      const drawn = drawScenarios(b, 2, { lastAttempt: ["h1"] }, seeded(seed));
      expect(drawn).toContain("h1");
      expect(topicsIn(b, drawn).size).toBe(2);
    }
  });
});

// Property tests: random banks, seen sets and seeds.
const bankArb = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 9 })
  .map((sizes) => sizes.flatMap((n, t) => Array.from({ length: n }, (_, i) => ({ id: `t${t}-s${i}`, topic: `t${t}` }))));
const caseArb = bankArb.chain((b) =>
  fc.record({
    bank: fc.constant(b),
    count: fc.integer({ min: 1, max: 10 }),
    last: fc.subarray(b.map((s) => s.id)),
    previous: fc.subarray(b.map((s) => s.id)),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  }),
);

function staleness(id: string, seen: { last: string[]; previous: string[] }) {
  return (seen.last.includes(id) ? 2 : 0) + (seen.previous.includes(id) ? 1 : 0);
}

/** Round-robin balance: a topic used c times means every other topic is used c-1 times, or as often as it can be. */
function balanced(b: Tagged[], drawn: string[]): boolean {
  const size = new Map<string, number>();
  for (const s of b) size.set(s.topic, (size.get(s.topic) ?? 0) + 1);
  const used = new Map([...size.keys()].map((t) => [t, 0]));
  for (const id of drawn) used.set(topicOf(b).get(id)!, used.get(topicOf(b).get(id)!)! + 1);
  for (const [, c] of used) for (const [u, cu] of used) if (cu < Math.min(c - 1, size.get(u)!)) return false;
  return true;
}

describe("drawing scenarios: properties", () => {
  it("draws min(count, bank) distinct scenarios from the bank, balanced across topics", () => {
    fc.assert(
      fc.property(caseArb, ({ bank: b, count, last, previous, seed }) => {
        const drawn = drawScenarios(b, count, { lastAttempt: last, previousCycle: previous }, seeded(seed));
        expect(drawn).toHaveLength(Math.min(count, b.length));
        expect(new Set(drawn).size).toBe(drawn.length);
        for (const id of drawn) expect(topicOf(b).has(id)).toBe(true);
        expect(balanced(b, drawn)).toBe(true);
        const topicCount = new Set(b.map((s) => s.topic)).size;
        if (count <= topicCount) expect(topicsIn(b, drawn).size).toBe(drawn.length);
      }),
    );
  });

  it("respects the rotation tiers: no fresher scenario could take a drawn one's place without unbalancing topics", () => {
    fc.assert(
      fc.property(caseArb, ({ bank: b, count, last, previous, seed }) => {
        const seen = { last, previous };
        const drawn = drawScenarios(b, count, { lastAttempt: last, previousCycle: previous }, seeded(seed));
        const left = b.map((s) => s.id).filter((id) => !drawn.includes(id));
        for (const d of drawn)
          for (const x of left)
            if (staleness(x, seen) < staleness(d, seen)) {
              const swapped = drawn.map((id) => (id === d ? x : id));
              expect(balanced(b, swapped), `${x} could replace ${d}`).toBe(false);
            }
      }),
    );
  });

  it("covers as many topics as possible over an attempt and the next (a retake or a refresher)", () => {
    fc.assert(
      fc.property(caseArb, fc.boolean(), ({ bank: b, count, seed }, refresher) => {
        const first = drawScenarios(b, count, {}, seeded(seed));
        const seen: Seen = refresher ? { lastAttempt: first, previousCycle: first } : { lastAttempt: first };
        const second = drawScenarios(b, count, seen, seeded(seed + 1));
        const topicCount = new Set(b.map((s) => s.topic)).size;
        const firstTopics = topicsIn(b, first).size;
        expect(topicsIn(b, [...first, ...second]).size).toBe(Math.min(topicCount, firstTopics + count));
      }),
    );
  });

  it("is deterministic for a given random source", () => {
    fc.assert(
      fc.property(caseArb, ({ bank: b, count, last, previous, seed }) => {
        const seen = { lastAttempt: last, previousCycle: previous };
        expect(drawScenarios(b, count, seen, seeded(seed))).toEqual(drawScenarios(b, count, seen, seeded(seed)));
      }),
    );
  });
});
