import { describe, expect, it } from "vitest";
import { checkTimeLimitSeconds } from "../../src/use-cases/balancing-check/compute-balancing-plan.ts";
import { whatIfOptions } from "../../src/use-cases/balancing-check/what-if.ts";
import { whatIfText, type WhatIfView } from "../../src/messages/what-if-text.ts";

const side = (tiersProven: number[]) => ({
  shortfall: { JP: 240, jam: 0 },
  severity: 480,
  moves: 12,
  km: 310.5,
  optimal: tiersProven.length === 4,
  tiersProven,
});

describe("a province's limits (issue 30: beyond 10,000 people)", () => {
  it("gives the weekly check 60 s instead of 20 s, where 20 s left the second week unproved", () => {
    expect(checkTimeLimitSeconds(400)).toBe(20);
    expect(checkTimeLimitSeconds(10_000)).toBe(20);
    expect(checkTimeLimitSeconds(10_001)).toBe(60);
    expect(checkTimeLimitSeconds(50_000)).toBe(60);
  });

  it("gives each side of a what-if 40 s without the kilometre tier (10 s gave greedy plans; 30 s, tier 1 alone with moves in flight)", () => {
    expect(whatIfOptions(400)).toEqual({ timeLimitSeconds: 10 });
    expect(whatIfOptions(10_000)).toEqual({ timeLimitSeconds: 10 });
    expect(whatIfOptions(50_000)).toEqual({ timeLimitSeconds: 40, kilometres: false });
  });

  it("says which figures of a what-if are proved: all, all but the distance, or not yet", () => {
    const view = (before: number[], after: number[]): WhatIfView => ({
      before: side(before),
      after: side(after),
      units: [],
      unknown: [],
    });
    expect(whatIfText("id", view([1, 2, 3, 4], [1, 2, 3]), [])).toContain(
      "Terbukti optimal: ya → ya, kecuali jarak",
    );
    expect(whatIfText("id", view([1, 2, 3], [1]), [])).toContain(
      "Terbukti optimal: ya, kecuali jarak → belum (batas waktu)",
    );
    expect(whatIfText("en", view([], [1, 2, 3, 4]), [])).toContain(
      "Proven optimal: not yet (time limit) → yes",
    );
  });
});
