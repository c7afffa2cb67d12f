// Dapodik's PTK list as a school operator downloads it: title rows, then the table.
import ExcelJS from "exceljs";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { dapodikLabelKey } from "../../src/import/parse-reference-rows.ts";

export const dapodikHeader = [
  "No",
  "Nama",
  "NUPTK",
  "JK",
  "Tempat Lahir",
  "Tanggal Lahir",
  "NIP",
  "Status Kepegawaian",
  "Jenis PTK",
  "Mata Pelajaran",
  "Sertifikasi",
  "JJM",
  "NPSN",
  "Nama Sekolah",
];

export interface DapodikPerson {
  nama: string;
  npsn: string;
  jenisPtk: string;
  nip?: string;
  nuptk?: string;
  jk?: string;
  tanggalLahir?: string | Date;
  status?: string;
  mapel?: string;
  sertifikasi?: string;
  jjm?: number | string;
  namaSekolah?: string;
}

export function dapodikRow(p: DapodikPerson, no: number): Array<string | number | Date | null> {
  return [
    no,
    p.nama,
    p.nuptk ?? "",
    p.jk ?? "L",
    "Merauke",
    p.tanggalLahir ?? (p.nip ? `${p.nip.slice(6, 8)}-${p.nip.slice(4, 6)}-${p.nip.slice(0, 4)}` : ""),
    p.nip ?? "",
    p.status ?? "PNS",
    p.jenisPtk,
    p.mapel ?? "",
    p.sertifikasi ?? "Belum",
    p.jjm ?? 24,
    p.npsn,
    p.namaSekolah ?? "",
  ];
}

/** Row numbers: the title takes rows 1–5, the header row 6, the first person row 7. */
export const DAPODIK_FIRST_LINE = 7;

/** The PTK list as an XLSX built with exceljs: "DAFTAR PTK", the school, download date and user, a blank row. */
export async function dapodikXlsx(people: DapodikPerson[], school = "SD NEGERI 1 SALOR"): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Daftar PTK");
  sheet.addRow(["DAFTAR PTK"]);
  sheet.addRow([school]);
  sheet.addRow(["Tanggal Unduh:", "2026-11-20 08:15:02"]);
  sheet.addRow(["Pengunduh:", "operator.sekolah@dapodik.id"]);
  sheet.addRow([]);
  sheet.addRow(dapodikHeader);
  people.forEach((p, i) => sheet.addRow(dapodikRow(p, i + 1)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Gives the small district's schools their NPSN and SIASN UNOR ID, and its roles their Dapodik labels. */
export async function giveDistrictStateCodes(prisma: PrismaClient): Promise<void> {
  await prisma.unit.update({
    where: { code: "SDN-01" },
    data: { npsn: SCHOOLS.sd.npsn, unorId: SCHOOLS.sd.unorId },
  });
  await prisma.unit.update({
    where: { code: "SMPN-02" },
    data: { npsn: SCHOOLS.smp.npsn, unorId: SCHOOLS.smp.unorId },
  });
  const labels: Array<[string, string]> = [
    ["GURU_KELAS", "Guru Kelas SD"],
    ["GURU_IPA", "Guru Mapel IPA"],
  ];
  for (const [code, label] of labels) {
    const role = await prisma.role.findUniqueOrThrow({ where: { code } });
    await prisma.roleDapodikLabel.create({ data: { key: dapodikLabelKey(label), label, roleId: role.id } });
  }
}

export const SCHOOLS = {
  sd: { npsn: "60300112", unorId: "8ae48299-5a2b-4c11-9c21-7f0e5d1a2b01" },
  smp: { npsn: "60300245", unorId: "8ae48299-5a2b-4c11-9c21-7f0e5d1a2b02" },
} as const;
