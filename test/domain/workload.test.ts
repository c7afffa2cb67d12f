import { describe, expect, it } from "vitest";
import { effectiveDemand } from "../../src/domain/demand.ts";
import { abkBand, hoursFromRombel, loadRatio, roleLoad } from "../../src/domain/workload.ts";

describe("workload math (ABK)", () => {
  it("computes the load ratio, infinite when nobody carries the demand", () => {
    expect(loadRatio(144, 72)).toBe(2);
    expect(loadRatio(48, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(loadRatio(0, 0)).toBe(0);
  });

  it.each([
    [1.01, "A"],
    [1.0, "B"],
    [0.9, "B"],
    [0.89, "C"],
    [0.7, "C"],
    [0.69, "D"],
    [0.5, "D"],
    [0.49, "E"],
    [Number.POSITIVE_INFINITY, "A"],
  ])("band of %s is %s", (ratio, band) => {
    expect(abkBand(ratio)).toBe(band);
  });

  it("uses configurable band bounds", () => {
    expect(abkBand(0.95, { A: 1.1, B: 0.95, C: 0.8, D: 0.6 })).toBe("B");
    expect(abkBand(0.94, { A: 1.1, B: 0.95, C: 0.8, D: 0.6 })).toBe("C");
  });

  it("summarises a role's load with unmet hours and surplus", () => {
    expect(roleLoad(144, 96)).toEqual({
      demand: 144,
      capacity: 96,
      ratio: 1.5,
      band: "A",
      unmet: 48,
      surplus: 0,
    });
    expect(roleLoad(12, 24)).toMatchObject({ ratio: 0.5, band: "D", unmet: 0, surplus: 12 });
  });

  it("computes JP from rombel", () => {
    expect(hoursFromRombel(6, 24)).toBe(144);
  });

  it("takes demand from a report, else vacancies, else assumes balance", () => {
    expect(
      effectiveDemand({ reportedHours: 100, capacityHours: 48, openVacancies: 3, standardHours: 24 }),
    ).toEqual({ hours: 100, source: "report" });
    expect(
      effectiveDemand({ reportedHours: null, capacityHours: 48, openVacancies: 2, standardHours: 24 }),
    ).toEqual({ hours: 96, source: "vacancies" });
    expect(
      effectiveDemand({ reportedHours: null, capacityHours: 48, openVacancies: 0, standardHours: 24 }),
    ).toEqual({ hours: 48, source: "assumed" });
  });
});
