import { describe, expect, it } from "vitest";
import { addWorkingDays } from "../../src/domain/working-days.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe("addWorkingDays: the keberatan deadline (UU 30/2014 Pasal 77)", () => {
  it("counts 21 working days after a Wednesday, skipping weekends", () => {
    expect(iso(addWorkingDays(day("2026-12-02"), 21))).toBe("2026-12-31");
  });

  it("skips the listed holidays and cuti bersama as well", () => {
    const holidays = ["2026-12-24", "2026-12-25", "2027-01-01"];
    expect(iso(addWorkingDays(day("2026-12-02"), 21, holidays))).toBe("2027-01-05");
  });

  it("does not count the start day, also when it is a Saturday", () => {
    expect(iso(addWorkingDays(day("2026-12-05"), 1))).toBe("2026-12-07");
    expect(iso(addWorkingDays(day("2026-12-04"), 1))).toBe("2026-12-07");
    expect(iso(addWorkingDays(day("2026-12-04"), 0))).toBe("2026-12-04");
  });
});
