import { describe, expect, it } from "vitest";
import { labelWords, matchDapodikLabel, parseCertification } from "../../src/import/employee-dapodik.ts";
import { parseGolongan, parseLegalStatus, roleNameWithoutJenjang } from "../../src/import/employee-siasn.ts";
import { RowError } from "../../src/import/parse-rows.ts";

// Labels as an admin writes them in the jabatan sheet's dapodik column.
const labels = new Map(
  (
    [
      ["Guru Kelas SD", "GURU_KELAS"],
      ["Guru Kelas", "GURU_KELAS_UMUM"],
      ["Guru Mapel IPA", "GURU_IPA"],
      ["Guru Mapel IPA Terpadu", "GURU_IPA_TERPADU"],
      ["Guru Mapel Matematika", "GURU_MTK"],
      ["Guru Mapel Bahasa Indonesia", "GURU_BIN"],
      ["Guru BK", "GURU_BK"],
      ["Kepala Sekolah", "KEPSEK"],
    ] as const
  ).map(([label, code]) => [labelWords(label), code]),
);
const match = (jenis: string, mapel?: string) => matchDapodikLabel(labels, jenis, mapel);

describe("finding a role for Dapodik's Jenis PTK + Mata Pelajaran", () => {
  it("reads Dapodik's own spellings", () => {
    // The subject repeats the jenis: the most specific label wins over the broad "Guru Kelas".
    expect(match("Guru Kelas", "Guru Kelas SD/MI/SLB")).toBe("GURU_KELAS");
    // The abbreviation in brackets is what labels use.
    expect(match("Guru Mapel", "Ilmu Pengetahuan Alam (IPA)")).toBe("GURU_IPA");
    expect(match("Guru Mapel", "IPA")).toBe("GURU_IPA");
    expect(match("Guru Mapel", "IPA Terpadu")).toBe("GURU_IPA_TERPADU");
    expect(match("Guru Mapel", "Matematika (Umum)")).toBe("GURU_MTK");
    expect(match("guru  mapel", "BAHASA INDONESIA")).toBe("GURU_BIN");
    expect(match("Guru BK", "Bimbingan dan Konseling (Konselor)")).toBe("GURU_BK");
    expect(match("Kepala Sekolah")).toBe("KEPSEK");
    expect(match("Kepala Sekolah", "-")).toBe("KEPSEK");
    // A jenis alone is a word-prefix of the whole text.
    expect(match("Guru Kelas", "Guru Kelas TK")).toBe("GURU_KELAS_UMUM");
  });

  it("finds nothing for a subject no label names, rather than guessing", () => {
    expect(match("Guru Mapel", "Seni Budaya")).toBeNull();
    expect(match("Tenaga Administrasi Sekolah")).toBeNull();
    // "Guru Mapel IPA" is not a prefix of "Guru Mapel IPS".
    expect(match("Guru Mapel", "Ilmu Pengetahuan Sosial (IPS)")).toBeNull();
  });

  it("reads Sertifikasi: empty, '-', Belum, Tidak are no; Ya, Sudah are yes; other text is the subject", () => {
    expect(parseCertification("")).toBeUndefined();
    for (const no of ["-", "Belum", "TIDAK", "tidak"])
      expect(parseCertification(no)).toEqual({ certified: false });
    for (const yes of ["Ya", "sudah"]) expect(parseCertification(yes)).toEqual({ certified: true });
    expect(parseCertification("Guru Kelas SD")).toEqual({
      certified: true,
      certifiedSubject: "Guru Kelas SD",
    });
  });
});

describe("SIASN's texts", () => {
  const reason = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof RowError) return error.reason.code;
      throw error;
    }
    return "ok";
  };

  it("golongan: I/a … IV/e for a PNS, Roman I … XVII for a PPPK", () => {
    expect(parseGolongan("III/b", "PNS")).toBe("III/b");
    expect(parseGolongan("III / B", "PNS")).toBe("III/b");
    expect(parseGolongan("IV/e", "PNS")).toBe("IV/e");
    expect(parseGolongan("IX", "PPPK")).toBe("IX");
    expect(parseGolongan("Golongan XVII", "PPPK")).toBe("XVII");
    for (const [text, kind] of [
      ["III/e", "PNS"],
      ["V/a", "PNS"],
      ["IX", "PNS"],
      ["III/b", "PPPK"],
      ["XVIII", "PPPK"],
    ] as const)
      expect(reason(() => parseGolongan(text, kind))).toBe("golongan_invalid");
  });

  it("kedudukan hukum: known values map to a status, anything else is refused", () => {
    expect(parseLegalStatus("Aktif")).toBe("AKTIF");
    expect(parseLegalStatus("CLTN")).toBe("CUTI");
    expect(parseLegalStatus("Tugas Belajar")).toBe("TUGAS_BELAJAR");
    expect(parseLegalStatus("Masa Persiapan Pensiun")).toBe("PENSIUN");
    expect(parseLegalStatus("Pensiun")).toBe("PENSIUN");
    expect(parseLegalStatus("Meninggal")).toBe("NONAKTIF");
    expect(parseLegalStatus("Diberhentikan")).toBe("NONAKTIF");
    expect(parseLegalStatus("Pemberhentian Sementara")).toBe("NONAKTIF");
    expect(reason(() => parseLegalStatus("Aktif Kembali?"))).toBe("status_unknown");
  });

  it("a jabatan without its jenjang is the role's name", () => {
    expect(roleNameWithoutJenjang("Guru Ahli Muda")).toBe("Guru");
    expect(roleNameWithoutJenjang("Pranata Komputer Terampil")).toBe("Pranata Komputer");
    expect(roleNameWithoutJenjang("Kepala Sekolah")).toBe("Kepala Sekolah");
  });
});
