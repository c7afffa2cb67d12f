import { describe, expect, it } from "vitest";
import { checkTimeLimitSeconds } from "../../src/use-cases/balancing-check/compute-balancing-plan.ts";

describe("the weekly check's time limit", () => {
  it("is 20 s for a district and 60 s for a province, where 20 s left the second week unproved", () => {
    expect(checkTimeLimitSeconds(400)).toBe(20);
    expect(checkTimeLimitSeconds(10_000)).toBe(20);
    expect(checkTimeLimitSeconds(10_001)).toBe(60);
    expect(checkTimeLimitSeconds(50_000)).toBe(60);
  });
});
