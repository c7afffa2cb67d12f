import { describe, expect, it } from "vitest";
import { parseJenjang, personRetirementAge, retirementAge } from "../../src/domain/retirement-age.ts";

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

describe("personRetirementAge: the role's BUP when an admin set it, else the rule with the person's jenjang", () => {
  const role = (
    over: Partial<{
      retirementAge: number;
      retirementAgeSet: boolean;
      isTeacher: boolean;
      code: string;
      name: string;
    }>,
  ) => ({
    retirementAge: 58,
    retirementAgeSet: false,
    isTeacher: false,
    ...over,
  });

  it.each([
    [role({}), {}, 58],
    [role({}), { jenjang: "AHLI_MADYA" }, 60],
    [role({}), { jenjang: "AHLI_UTAMA" }, 65],
    [role({}), { jenjang: "Ahli Utama" }, 65],
    [role({}), { jabatanKind: "Jabatan Pimpinan Tinggi Pratama" }, 60],
    [role({ isTeacher: true }), { jenjang: "AHLI_UTAMA" }, 60],
    // A stored 58 the admin never set does not hold back an ahli madya.
    [role({ retirementAge: 58 }), { jenjang: "AHLI_MADYA" }, 60],
    [role({ retirementAge: 62, retirementAgeSet: true }), { jenjang: "AHLI_UTAMA" }, 62],
    [role({ retirementAge: 56, retirementAgeSet: true, isTeacher: true }), {}, 56],
    [undefined, { jenjang: "garbage" }, 58],
    // A kepala sekolah is a teacher with an additional task: 60, by code or by Dapodik's name.
    [role({ code: "KEPSEK", name: "Kepala Sekolah" }), {}, 60],
    [role({ code: "KS", name: "Kepala Sekolah SD" }), {}, 60],
    [role({ code: "KEPSEK", name: "Kepala Sekolah", retirementAge: 58, retirementAgeSet: true }), {}, 58],
    [role({ code: "KASUBAG", name: "Kepala Sub Bagian Umum" }), {}, 58],
  ])("role %o, person %o: %i", (r, person, age) => {
    expect(personRetirementAge(r, person)).toBe(age);
  });
});
