import { describe, expect, it } from "vitest";
import { drawScenarios, shuffle } from "@/lib/quiz/draw";

const bank = ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10"];

/** A seeded generator so draws are repeatable. */
function seeded(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

describe("drawing scenarios", () => {
  it("draws the number asked for, with no repeats", () => {
    for (let seed = 1; seed < 50; seed++) {
      const drawn = drawScenarios(bank, 5, {}, seeded(seed));
      expect(drawn).toHaveLength(5);
      expect(new Set(drawn).size).toBe(5);
      for (const id of drawn) expect(bank).toContain(id);
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
    expect(drawScenarios(["a", "b", "c"], 5, {}, seeded(1)).sort()).toEqual(["a", "b", "c"]);
    const drawn = drawScenarios(["a", "b", "c", "d", "e", "f"], 5, { lastAttempt: ["a", "b", "c", "d", "e"] }, seeded(2));
    expect(drawn).toContain("f");
    expect(new Set(drawn).size).toBe(5);
    expect(drawScenarios([], 5)).toEqual([]);
    expect(drawScenarios(["a", "a", "b"], 5, {}, seeded(1)).sort()).toEqual(["a", "b"]);
  });

  it("varies the order between draws", () => {
    const orders = new Set(Array.from({ length: 20 }, (_, i) => drawScenarios(bank, 5, {}, seeded(i + 1)).join()));
    expect(orders.size).toBeGreaterThan(10);
  });

  it("shuffles without losing or adding items", () => {
    expect(shuffle(bank, seeded(9)).sort()).toEqual([...bank].sort());
  });
});
