import { describe, expect, it } from "vitest";
import { parseJenjang, retirementAge } from "../../src/domain/retirement-age.ts";

describe("retirementAge (PP 11/2017 Pasal 239 as amended by PP 17/2020)", () => {
  it.each([
    [{}, 58],
    [{ jenjang: "AHLI_PERTAMA" as const }, 58],
    [{ jenjang: "AHLI_MUDA" as const }, 58],
    [{ jenjang: "PENYELIA" as const }, 58],
    [{ jenjang: "AHLI_MADYA" as const }, 60],
    [{ pimpinanTinggi: true }, 60],
    [{ jenjang: "AHLI_UTAMA" as const }, 65],
    [{ isTeacher: true }, 60],
    [{ isTeacher: true, jenjang: "AHLI_UTAMA" as const }, 60],
  ])("gives %o a BUP of %i", (post, age) => {
    expect(retirementAge(post)).toBe(age);
  });

  it("lets a role's own BUP override the regulation", () => {
    expect(retirementAge({ isTeacher: true, override: 62 })).toBe(62);
    expect(retirementAge({ override: null, jenjang: "AHLI_UTAMA" })).toBe(65);
  });

  it("reads the jenjang from SIASN and Dapodik texts", () => {
    expect(parseJenjang("Guru Ahli Madya")).toBe("AHLI_MADYA");
    expect(parseJenjang("PENATA KELOLA - AHLI-PERTAMA")).toBe("AHLI_PERTAMA");
    expect(parseJenjang("Perawat Terampil")).toBe("TERAMPIL");
    expect(parseJenjang("Kepala Dinas")).toBeNull();
  });
});
