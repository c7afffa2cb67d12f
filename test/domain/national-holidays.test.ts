import { describe, expect, it } from "vitest";
import { nationalHolidays } from "../../src/domain/national-holidays.ts";
import { addWorkingDays } from "../../src/domain/working-days.ts";

describe("Indonesia's national holidays (date-holidays, checked against the SKB 3 Menteri)", () => {
  it("2026: every hari libur nasional of the SKB on its day, with its name", () => {
    // SKB Menteri Agama, Menteri Ketenagakerjaan and MenPAN-RB on the 2026 national holidays
    // (cuti bersama are not national holidays: an admin adds them).
    expect(nationalHolidays([2026])).toEqual([
      { day: "2026-01-01", name: "Hari tahun baru" },
      { day: "2026-01-16", name: "Isra Mikraj Nabi Muhammad" },
      { day: "2026-02-17", name: "Tahun Baru Imlek" },
      { day: "2026-03-19", name: "Hari Raya Nyepi" },
      { day: "2026-03-20", name: "Hari Raya Idul Fitri" },
      { day: "2026-03-21", name: "Hari Raya Idul Fitri" },
      { day: "2026-04-03", name: "Wafat Yesus Kristus" },
      { day: "2026-05-01", name: "Hari Buruh Internasional" },
      { day: "2026-05-14", name: "Kenaikan Yesus Kristus" },
      { day: "2026-05-27", name: "Hari Raya Idul Adha" },
      { day: "2026-05-31", name: "Hari Raya Waisak" },
      { day: "2026-06-01", name: "Hari Lahir Pancasila" },
      { day: "2026-06-16", name: "Tahun Baru Islam" },
      { day: "2026-08-17", name: "Hari Ulang Tahun Kemerdekaan Republik Indonesia" },
      { day: "2026-08-25", name: "Maulid Nabi Muhammad" },
      { day: "2026-12-25", name: "Hari Raya Natal" },
    ]);
  });

  it("a keberatan's 21 working days skip Christmas and New Year", () => {
    const days = nationalHolidays([2026, 2027]).map((h) => h.day);
    // From 2 December 2026: without holidays 31 December; Christmas (Fri) and New Year (Fri) push it on.
    expect(addWorkingDays(new Date("2026-12-02"), 21).toISOString().slice(0, 10)).toBe("2026-12-31");
    expect(addWorkingDays(new Date("2026-12-02"), 21, days).toISOString().slice(0, 10)).toBe("2027-01-04");
  });
});
