import { describe, expect, it } from "vitest";
import { effectiveDemand, hoursTaughtThere, rombelHours } from "../../src/domain/demand.ts";
import {
  abkBand,
  hoursFromRombel,
  isCertifiedUnderStandard,
  loadRatio,
  roleLoad,
} from "../../src/domain/workload.ts";

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

  const none = { reportedHours: null, rombelHours: null, hoursTaught: null, standardHours: 24 };

  it("takes demand from a report, then rombel, then hours taught, then vacancies, else assumes balance", () => {
    const all = {
      reportedHours: 100,
      rombelHours: 216,
      hoursTaught: 60,
      capacityHours: 48,
      openVacancies: 3,
    };
    expect(effectiveDemand({ ...none, ...all })).toEqual({ hours: 100, source: "report" });
    expect(effectiveDemand({ ...none, ...all, reportedHours: null })).toEqual({
      hours: 216,
      source: "rombel",
    });
    // Four IPA teachers (96 JP of capacity) teaching 60 JP together: 36 JP of surplus.
    expect(effectiveDemand({ ...none, hoursTaught: 60, capacityHours: 96, openVacancies: 0 })).toEqual({
      hours: 60,
      source: "hours_taught",
    });
    // Open vacancies still add their posts to the hours taught.
    expect(effectiveDemand({ ...none, hoursTaught: 60, capacityHours: 96, openVacancies: 1 })).toEqual({
      hours: 84,
      source: "hours_taught",
    });
    expect(effectiveDemand({ ...none, capacityHours: 48, openVacancies: 2 })).toEqual({
      hours: 96,
      source: "vacancies",
    });
    expect(effectiveDemand({ ...none, capacityHours: 48, openVacancies: 0 })).toEqual({
      hours: 48,
      source: "assumed",
    });
  });

  it("applies the rombel rule only to a teaching role with JP per rombel that belongs at that kind of unit", () => {
    const sd = { rombel: 9, isTeacher: true, hoursPerRombel: 24, belongsToKind: true };
    expect(rombelHours(sd)).toBe(216);
    expect(rombelHours({ ...sd, belongsToKind: false })).toBeNull();
    expect(rombelHours({ ...sd, isTeacher: false })).toBeNull();
    expect(rombelHours({ ...sd, hoursPerRombel: null })).toBeNull();
    expect(rombelHours({ ...sd, rombel: null })).toBeNull();
    expect(rombelHours({ ...sd, rombel: 0 })).toBeNull();
  });

  it("sums the hours taught, taking an unknown JJM as what the person brings", () => {
    expect(hoursTaughtThere([])).toBeNull();
    expect(hoursTaughtThere([{ hoursTaught: null, capacity: 24 }])).toBeNull();
    expect(
      hoursTaughtThere([
        { hoursTaught: 12, capacity: 24 },
        { hoursTaught: 18, capacity: 24 },
        { hoursTaught: null, capacity: 24 },
        { hoursTaught: 6, capacity: 6 },
      ]),
    ).toBe(60);
  });

  it("flags a certified teacher under the standard 24 JP, and nobody whose hours taught are unknown", () => {
    const teacher = { certified: true, isTeacher: true, hoursTaught: 12, standardHours: 24 };
    expect(isCertifiedUnderStandard(teacher)).toBe(true);
    expect(isCertifiedUnderStandard({ ...teacher, hoursTaught: 24 })).toBe(false);
    expect(isCertifiedUnderStandard({ ...teacher, hoursTaught: null })).toBe(false);
    expect(isCertifiedUnderStandard({ ...teacher, certified: false })).toBe(false);
    expect(isCertifiedUnderStandard({ ...teacher, isTeacher: false })).toBe(false);
  });
});
