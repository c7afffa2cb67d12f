/**
 * A district's own exports for bench:import: a jabatan sheet, the schools list (NPSN and SIASN
 * UNOR ID), SIASN's data utama CSV and Dapodik's PTK list as XLSX under its title rows. 300 schools,
 * 5,000 ASN teachers (a fifth PPPK) in both SIASN and Dapodik, and 500 guru honorer in Dapodik.
 */
import ExcelJS from "exceljs";
import { dapodikHeader } from "../test/support/dapodik-files.ts";
import { schoolsHeader } from "../test/support/schools-file.ts";
import { siasnHeader } from "../test/support/siasn-files.ts";
import { mulberry32 as random } from "../src/seed/random.ts";

export const SCHOOLS = 300;
export const TEACHERS = 5_000;
export const HONORERS = 500;

export interface DistrictFiles {
  jabatan: Buffer;
  schools: Buffer;
  siasn: Buffer;
  dapodik: Buffer;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

function csv(rows: Array<Array<string | number>>): Buffer {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return Buffer.from(`${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`, "utf8");
}

async function xlsx(fill: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Dapodik's Jenis PTK and Mata Pelajaran as it writes them, with the label the jabatan sheet gives.
const SMP_SUBJECTS = [
  ["GURU_IPA", "Guru Mapel IPA", "Ilmu Pengetahuan Alam (IPA)"],
  ["GURU_MTK", "Guru Mapel Matematika", "Matematika"],
  ["GURU_BIN", "Guru Mapel Bahasa Indonesia", "Bahasa Indonesia"],
] as const;

export async function generateDistrict(): Promise<DistrictFiles> {
  const rand = random(20_261_202);
  const jabatan = await xlsx((workbook) => {
    const sheet = workbook.addWorksheet("jabatan");
    sheet.addRow(["kode", "nama", "guru", "jam_standar", "satuan", "bup", "jp_per_rombel", "dapodik"]);
    sheet.addRow(["GURU_KELAS", "Guru Kelas SD", "ya", 24, "JP", "", 24, "Guru Kelas SD"]);
    for (const [code, label] of SMP_SUBJECTS)
      sheet.addRow([code, label.replace("Guru Mapel", "Guru"), "ya", 24, "JP", "", 4, label]);
    const compat = workbook.addWorksheet("kesesuaian");
    compat.addRow(["dari", "ke", "catatan"]);
    for (const [code] of SMP_SUBJECTS) compat.addRow([code, "GURU_KELAS", "alih fungsi dengan diklat"]);
  });

  const schools: Array<{ npsn: string; unorId: string; name: string; smp: boolean }> = [];
  // The schools list as the tests build it: Dapodik's columns, SIASN's UNOR_ID, the agency code.
  const schoolRows: Array<Array<string | number>> = [schoolsHeader];
  for (let i = 1; i <= SCHOOLS; i++) {
    const smp = i % 3 === 0;
    const school = {
      npsn: `603${pad(i, 5)}`,
      unorId: `8ae48299-5a2b-4c11-9c21-${pad(i, 12)}`,
      name: `${smp ? "SMP" : "SD"} Negeri ${i} Merauke`,
      smp,
    };
    schools.push(school);
    schoolRows.push([
      school.npsn,
      school.unorId,
      school.name,
      smp ? "SMP" : "SD",
      "Negeri",
      "Salor",
      "Salor Indah",
      (-8.4 - rand() * 0.9).toFixed(5),
      (140.3 + rand() * 0.9).toFixed(5),
      6 + Math.floor(rand() * 10),
      "DISDIK",
    ]);
  }

  // The headers as BKN and Dapodik write them, the same lists the tests build their files from.
  const siasn: Array<Array<string | number>> = [siasnHeader];
  const dapodikRows: Array<Array<string | number>> = [];
  const seen = new Set<string>();
  const jenjang = ["Ahli Pertama", "Ahli Muda", "Ahli Madya"];
  for (let i = 0; i < TEACHERS; i++) {
    const pppk = rand() < 0.2;
    let nip: string;
    let birth: string;
    do {
      const birthYear = 1966 + Math.floor(rand() * 32);
      birth = `${birthYear}-${pad(1 + Math.floor(rand() * 12), 2)}-${pad(1 + Math.floor(rand() * 28), 2)}`;
      const start = pppk
        ? `${2019 + Math.floor(rand() * 6)}21`
        : `${birthYear + 22 + Math.floor(rand() * 8)}${pad(1 + Math.floor(rand() * 12), 2)}`;
      const sex = rand() < 0.5 ? 1 : 2;
      nip = `${birth.replaceAll("-", "")}${start}${sex}${pad(1 + Math.floor(rand() * 999), 3)}`;
    } while (seen.has(nip));
    seen.add(nip);
    const school = schools[Math.floor(rand() * schools.length)]!;
    const subject = school.smp ? SMP_SUBJECTS[Math.floor(rand() * SMP_SUBJECTS.length)]! : null;
    const name = `Guru ${i + 1}`;
    const male = nip[14] === "1";
    siasn.push([
      `a1b2c3d4-${pad(i, 4)}-4e5f-8a9b-${pad(i, 12)}`,
      nip,
      name.toUpperCase(),
      "",
      "S.Pd.",
      `${birth} 00:00:00`,
      male ? "M" : "F",
      "Aktif",
      pppk ? "" : "P",
      pppk ? "PPPK" : "PNS Daerah",
      pppk ? "IX" : ["III/a", "III/b", "III/c", "III/d", "IV/a"][Math.floor(rand() * 5)]!,
      "2022-04-01",
      "Jabatan Fungsional",
      `Guru ${jenjang[Math.floor(rand() * jenjang.length)]}`,
      `${pad(1 + Math.floor(rand() * 28), 2)}-${pad(1 + Math.floor(rand() * 12), 2)}-${2012 + Math.floor(rand() * 12)}`,
      "S-1/Sarjana",
      "S-1 Pendidikan",
      school.unorId,
      school.name,
      "Pemerintah Kab. Merauke",
    ]);
    dapodikRows.push([
      dapodikRows.length + 1,
      name,
      pad(Math.floor(rand() * 1e9), 16),
      male ? "L" : "P",
      "Merauke",
      birth,
      nip,
      pppk ? "PPPK" : "PNS",
      subject ? "Guru Mapel" : "Guru Kelas",
      subject ? subject[2] : "Guru Kelas SD/MI/SLB",
      rand() < 0.6 ? "Sudah" : "Belum",
      subject ? 6 + Math.floor(rand() * 20) : 24 + Math.floor(rand() * 6),
      school.npsn,
      school.name,
    ]);
  }
  for (let i = 0; i < HONORERS; i++) {
    const school = schools[Math.floor(rand() * schools.length)]!;
    dapodikRows.push([
      dapodikRows.length + 1,
      `Honorer ${i + 1}`,
      `77${pad(i, 14)}`,
      rand() < 0.5 ? "L" : "P",
      "Merauke",
      `199${Math.floor(rand() * 9)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
      "",
      "Guru Honor Sekolah",
      school.smp ? "Guru Mapel" : "Guru Kelas",
      school.smp ? "Matematika" : "Guru Kelas SD/MI/SLB",
      "Belum",
      12 + Math.floor(rand() * 12),
      school.npsn,
      school.name,
    ]);
  }
  const dapodik = await xlsx((workbook) => {
    const sheet = workbook.addWorksheet("Daftar PTK");
    sheet.addRow(["DAFTAR PTK"]);
    sheet.addRow(["DINAS PENDIDIKAN KABUPATEN MERAUKE"]);
    sheet.addRow(["Tanggal Unduh:", "2026-11-20 08:15:02"]);
    sheet.addRow(["Pengunduh:", "operator@disdik.merauke.go.id"]);
    sheet.addRow([]);
    sheet.addRow(dapodikHeader);
    for (const row of dapodikRows) sheet.addRow(row);
  });
  return { jabatan, schools: csv(schoolRows), siasn: csv(siasn), dapodik };
}

/** The order an operator imports the district's files in, with the names they come under. */
export const DISTRICT_ORDER: Array<[keyof DistrictFiles, string]> = [
  ["jabatan", "jabatan.xlsx"],
  ["schools", "sekolah.csv"],
  ["siasn", "siasn-data-utama.csv"],
  ["dapodik", "dapodik-ptk.xlsx"],
];
