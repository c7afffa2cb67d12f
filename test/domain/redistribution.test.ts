import { describe, expect, it } from "vitest";
import {
  parseSkpPredicate,
  redistributionBars,
  type RedistributionPerson,
} from "../../src/domain/redistribution.ts";

const NOW = new Date("2026-12-07T00:00:00Z");
const teacher = (over: Partial<RedistributionPerson> = {}): RedistributionPerson => ({
  asnKind: "PNS",
  educationLevel: "S-1/Sarjana",
  golongan: "III/b",
  jenjang: "AHLI_PERTAMA",
  jabatanName: "Guru Ahli Pertama",
  skp: [
    { year: 2024, predicate: "BAIK" },
    { year: 2025, predicate: "SANGAT_BAIK" },
  ],
  disciplineUntil: null,
  ...over,
});

describe("who may be placed in a private school (Permendikdasmen 1/2025 Pasal 4)", () => {
  it("a PNS with an S-1, III/b and two good years is eligible; a PPPK Guru Ahli Pertama too", () => {
    expect(redistributionBars(teacher(), NOW)).toEqual([]);
    expect(redistributionBars(teacher({ educationLevel: "Diploma IV" }), NOW)).toEqual([]);
    expect(redistributionBars(teacher({ asnKind: "PPPK", golongan: "IX", jenjang: null }), NOW)).toEqual([]);
  });

  it("names each criterion a teacher fails, and what is missing", () => {
    expect(redistributionBars(teacher({ golongan: "III/a" }), NOW)).toEqual([
      { criterion: "rank", golongan: "III/a" },
    ]);
    expect(redistributionBars(teacher({ golongan: "IV/a", educationLevel: "D-III" }), NOW)).toEqual([
      { criterion: "education", level: "D-III" },
    ]);
    expect(redistributionBars(teacher({ skp: [{ year: 2025, predicate: "Butuh Perbaikan" }] }), NOW)).toEqual(
      [
        { criterion: "performance", missingYear: 2024 },
        { criterion: "performance", year: 2025, predicate: "BUTUH_PERBAIKAN" },
      ],
    );
    expect(
      redistributionBars(
        teacher({ educationLevel: null, golongan: null, skp: [], disciplineUntil: new Date("2026-12-07") }),
        NOW,
      ),
    ).toEqual([
      { criterion: "education", missing: true },
      { criterion: "rank", missing: "golongan" },
      { criterion: "performance", missingYear: 2024 },
      { criterion: "performance", missingYear: 2025 },
      { criterion: "discipline", until: new Date("2026-12-07") },
    ]);
    // A penalty that ended yesterday no longer bars.
    expect(redistributionBars(teacher({ disciplineUntil: new Date("2026-12-06") }), NOW)).toEqual([]);
    expect(redistributionBars(teacher({ asnKind: "PPPK", jenjang: null, jabatanName: "Guru" }), NOW)).toEqual(
      [{ criterion: "rank", missing: "jenjang" }],
    );
  });

  it("reads the predicates as SIASN and sheets write them", () => {
    expect(parseSkpPredicate("Sangat Baik")).toBe("SANGAT_BAIK");
    expect(parseSkpPredicate(" baik ")).toBe("BAIK");
    expect(parseSkpPredicate("BUTUH PERBAIKAN")).toBe("BUTUH_PERBAIKAN");
    expect(parseSkpPredicate("Cukup")).toBeNull();
  });
});
