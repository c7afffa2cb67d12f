import { describe, expect, it } from "vitest";
import {
  firstOfMonth,
  parseDecimal,
  parsePastDate,
  parseShortText,
  parseWholeNumber,
} from "../../src/domain/report-answers.ts";
import { matchStaffHours, parseStaffHoursCsv, parseStaffHoursLines } from "../../src/domain/staff-hours.ts";
import { previewWorkload } from "../../src/domain/workload-preview.ts";

describe("report answers", () => {
  it("tells each kind of wrong count apart", () => {
    expect(parseWholeNumber("3", 1, 50)).toEqual({ ok: true, value: 3 });
    expect(parseWholeNumber(" 50 ", 1, 50)).toEqual({ ok: true, value: 50 });
    expect(parseWholeNumber("0", 1, 50)).toEqual({ ok: false, problem: "too_small" });
    expect(parseWholeNumber("-2", 1, 50)).toEqual({ ok: false, problem: "too_small" });
    expect(parseWholeNumber("51", 1, 50)).toEqual({ ok: false, problem: "too_large" });
    expect(parseWholeNumber("2.5", 1, 50)).toEqual({ ok: false, problem: "not_whole" });
    expect(parseWholeNumber("2,5", 1, 50)).toEqual({ ok: false, problem: "not_whole" });
    expect(parseWholeNumber("abc", 1, 50)).toEqual({ ok: false, problem: "not_number" });
    expect(parseWholeNumber("", 1, 50)).toEqual({ ok: false, problem: "not_number" });
  });

  it("reads decimals with a comma or a point", () => {
    expect(parseDecimal("37,5", 0, 60)).toEqual({ ok: true, value: 37.5 });
    expect(parseDecimal("37.5", 0, 60)).toEqual({ ok: true, value: 37.5 });
    expect(parseDecimal("1e3", 0, 2000)).toEqual({ ok: false, problem: "not_number" });
  });

  it("refuses impossible and future dates", () => {
    const today = new Date("2026-11-30T00:00:00Z");
    expect(parsePastDate("15-10-2026", today)).toEqual({ ok: true, value: new Date("2026-10-15T00:00:00Z") });
    expect(parsePastDate("30/11/2026", today)).toEqual({ ok: true, value: today });
    expect(parsePastDate("29-02-2026", today)).toEqual({ ok: false, problem: "impossible" });
    expect(parsePastDate("01-12-2026", today)).toEqual({ ok: false, problem: "future" });
    expect(parsePastDate("2026-10-15", today)).toEqual({ ok: false, problem: "format" });
    expect(firstOfMonth(today, 0)).toEqual(new Date("2026-11-01T00:00:00Z"));
    expect(firstOfMonth(new Date("2026-01-15T00:00:00Z"), 1)).toEqual(new Date("2025-12-01T00:00:00Z"));
  });

  it("bounds free text", () => {
    expect(parseShortText("  pindah   tugas ", 1, 200)).toEqual({ ok: true, value: "pindah tugas" });
    expect(parseShortText("   ", 1, 200)).toEqual({ ok: false, problem: "empty" });
    expect(parseShortText("ab", 3, 200)).toEqual({ ok: false, problem: "too_short" });
    expect(parseShortText("x".repeat(201), 1, 200)).toEqual({ ok: false, problem: "too_long" });
  });
});

describe("staff hours", () => {
  const staff = [
    { id: 1, nip: "197803152005011002", name: "Budi Santoso" },
    { id: 2, nip: "199002022015022003", name: "Citra Dewi" },
    { id: 3, nip: "199102022015022004", name: "Citra Dewi" },
  ];

  it("parses lines 'NIP atau nama: jam' and reports every bad line", () => {
    const parsed = parseStaffHoursLines("1978 0315 2005 01 1 002: 22\n\nBudi: 70\nno colon\n: 5");
    expect(parsed.entries).toEqual([{ line: 1, key: "1978 0315 2005 01 1 002", hours: 22 }]);
    expect(parsed.problems.map((p) => [p.line, p.kind])).toEqual([
      [3, "hours"],
      [4, "format"],
      [5, "format"],
    ]);
    expect(parseStaffHoursLines("  \n").problems).toEqual([{ line: 0, text: "", kind: "empty" }]);
  });

  it("parses a CSV with nip,jam in any order, with ';' and a decimal comma", () => {
    expect(parseStaffHoursCsv("jam,nip\n24,197803152005011002\n").entries).toEqual([
      { line: 2, key: "197803152005011002", hours: 24 },
    ]);
    expect(parseStaffHoursCsv("\uFEFFNIP;Jam\n199002022015022003;36,5\n").entries).toEqual([
      { line: 2, key: "199002022015022003", hours: 36.5 },
    ]);
    expect(parseStaffHoursCsv("nama,jam\nBudi,3\n").problems.map((p) => p.kind)).toEqual(["header"]);
    expect(parseStaffHoursCsv("nip,jam\n").problems.map((p) => p.kind)).toEqual(["empty"]);
  });

  it("matches by NIP, then by a unique name, and refuses unknown, ambiguous and repeated people", () => {
    const result = matchStaffHours(
      parseStaffHoursLines("budi santoso: 20\nCitra Dewi: 30\nAsing: 3\n197803152005011002: 21"),
      staff,
    );
    expect(result.matched).toEqual([{ employeeId: 1, hours: 20 }]);
    expect(result.problems.map((p) => [p.line, p.kind])).toEqual([
      [2, "ambiguous"],
      [3, "unknown"],
      [4, "duplicate"],
    ]);
    expect(matchStaffHours(parseStaffHoursLines("199102022015022004: 10"), staff).matched).toEqual([
      { employeeId: 3, hours: 10 },
    ]);
  });
});

describe("workload preview", () => {
  it("puts the typed hours in place of the recorded ones and skips inactive staff", () => {
    const preview = previewWorkload(
      [
        { roleId: 1, hoursNeeded: 144 },
        { roleId: 2, hoursNeeded: 0 },
      ],
      [
        { id: 10, roleId: 1, weeklyHours: 24, active: true },
        { id: 11, roleId: 1, weeklyHours: 24, active: false },
        { id: 12, roleId: 1, weeklyHours: 24, active: true },
      ],
      { "12": 12 },
    );
    expect(preview[0]).toMatchObject({ roleId: 1, staff: 2, capacity: 36, ratio: 4, band: "A", unmet: 108 });
    expect(preview[1]).toMatchObject({ roleId: 2, staff: 0, capacity: 0, ratio: 0, band: "E" });
  });
});
