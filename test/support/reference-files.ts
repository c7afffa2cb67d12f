// Fixtures for the jabatan and kesesuaian sheets, with the column names of docs/import.md.
export const jabatanHeader = [
  "kode",
  "nama",
  "guru",
  "jam_standar",
  "satuan",
  "bup",
  "jp_per_rombel",
  "dapodik",
];

export const jabatanRows = [
  ["GURU_KELAS", "Guru Kelas SD", "ya", 24, "JP", "", 24, "Guru Kelas SD"],
  ["GURU_IPA", "Guru Mapel IPA SMP", "ya", 24, "JP", "", 5, "Guru Mapel IPA; Guru Mapel IPA Terpadu"],
  ["GURU_MTK", "Guru Mapel Matematika SMP", "ya", 24, "JP", "", 5, "Guru Mapel Matematika"],
  ["TU_SEKOLAH", "Tenaga Administrasi Sekolah", "tidak", 37.5, "jam", "", "", ""],
  ["PENGAWAS", "Pengawas Sekolah Ahli Madya", "tidak", 37.5, "jam", 60, "", ""],
];

export const kesesuaianHeader = ["dari", "ke", "catatan"];

export const kesesuaianRows = [
  ["GURU_IPA", "GURU_KELAS", "alih fungsi guru mapel menjadi guru kelas dengan diklat (SKB 5 Menteri 2011)"],
  ["GURU_MTK", "GURU_KELAS", "alih fungsi dengan diklat (SKB 5 Menteri 2011)"],
];

/** A guru PPPK: born 12 March 1991, appointed 2022, woman, sequence 7 (digits 13–14 are 21). */
export const pppkNumber = "199103122022212007";
