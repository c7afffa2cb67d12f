import { describe, expect, it } from "vitest";
import { checkEligibility, monthsBetween, retirementDate } from "../../src/domain/eligibility.ts";
import { formatDateTime, parseDayMonthYear, periodOf } from "../../src/domain/time.ts";

const now = new Date("2026-11-30T00:00:00Z");
const person = (overrides: Partial<Parameters<typeof checkEligibility>[0]> = {}) => ({
  birthDate: new Date("1985-01-01"),
  postSince: new Date("2020-01-01"),
  retirementAge: 60,
  objection: false,
  active: true,
  hasPendingProposal: false,
  ...overrides,
});

describe("transfer eligibility", () => {
  it("counts whole months", () => {
    expect(monthsBetween(new Date("2024-11-30"), now)).toBe(24);
    expect(monthsBetween(new Date("2024-12-01"), now)).toBe(23);
    expect(retirementDate(new Date("1967-05-10"), 60)).toEqual(new Date("2027-05-10"));
  });

  it("accepts someone with 2+ years in post, far from retirement, without objection", () => {
    expect(checkEligibility(person(), now)).toEqual({
      eligible: true,
      reasons: [],
      monthsInPost: 82,
      monthsToRetirement: 217,
      // Born 1 January 1985, BUP 60: the day the retirement job reads.
      retirementAge: 60,
      retirementDate: new Date("2045-01-01"),
    });
  });

  it("refuses under 24 months in post (PP 11/2017 Pasal 190)", () => {
    expect(checkEligibility(person({ postSince: new Date("2025-01-01") }), now).reasons).toEqual(["tenure"]);
  });

  it("refuses within 12 months of the retirement age", () => {
    const result = checkEligibility(person({ birthDate: new Date("1967-05-10") }), now);
    expect(result.reasons).toEqual(["retirement"]);
    expect(result.monthsToRetirement).toBe(5);
  });

  it("refuses a recorded objection unless policy allows it, and pending or inactive people", () => {
    expect(checkEligibility(person({ objection: true }), now).reasons).toEqual(["objection"]);
    const policy = { minMonthsInPost: 24, retirementBufferMonths: 12, proposeDespiteObjection: true };
    expect(checkEligibility(person({ objection: true }), now, policy).eligible).toBe(true);
    expect(checkEligibility(person({ hasPendingProposal: true, active: false }), now).reasons).toEqual([
      "inactive",
      "pending",
    ]);
  });
});

describe("WIT time", () => {
  it("shows dates and periods in Asia/Jayapura (UTC+9)", () => {
    expect(formatDateTime(new Date("2026-11-30T16:30:00Z"))).toBe("01-12-2026 01:30 WIT");
    expect(periodOf(new Date("2026-11-30T16:30:00Z"))).toBe("2026-12");
  });

  it("parses dd-mm-yyyy and refuses impossible dates", () => {
    expect(parseDayMonthYear("05-11-2026")).toEqual(new Date("2026-11-05T00:00:00Z"));
    expect(parseDayMonthYear("5/11/2026")).toEqual(new Date("2026-11-05T00:00:00Z"));
    expect(parseDayMonthYear("31-02-2026")).toBeNull();
    expect(parseDayMonthYear("kemarin")).toBeNull();
  });
});
