// The formasi sheet (issue 28): a contract others read (docs/formasi.md). Headers are Indonesian and
// fixed; readers find columns by header. Numbers are numbers, NIP is text, dates are dates.
import ExcelJS from "exceljs";
import { renderFormasiChart } from "../charts/formasi-chart.ts";
import type { ShortfallReason } from "../domain/balance/index.ts";
import type { FormasiRow } from "../domain/formasi.ts";
import { isPrivateSchool } from "../domain/redistribution.ts";
import type { Formasi } from "../use-cases/formasi/index.ts";

/** The charts a sheet carries at most: the jabatan with the largest requests first. */
const MAX_CHARTS = 40;

/** How the sheet's note names why the plan left a need short. */
const REASON_TEXT: Record<ShortfallReason, string> = {
  supply_exhausted: "tidak ada lagi kelebihan pegawai yang cocok",
  no_compatible_supply: "tidak ada pegawai yang cocok di mana pun",
  beyond_distance: "kelebihan pegawai yang cocok terlalu jauh",
  candidates_ineligible: "calon tidak memenuhi syarat (keberatan, masa kerja, pensiun, usulan berjalan)",
  unit_intake_cap: "batas mutasi masuk unit",
  origin_cap: "batas mutasi keluar unit asal",
  total_cap: "batas jumlah mutasi",
};

/** The Formasi sheet's columns before the years: the contract's headers in the contract's order. */
export const FORMASI_LEAD_HEADERS = [
  "Jabatan",
  "Kode Jabatan",
  "Unit Kerja",
  "Kode Unit",
  "Status Sekolah",
  "Kualifikasi Pendidikan",
  "Satuan Jam",
  "Kebutuhan Jam",
  "Kebutuhan",
  "Bezetting",
  "Bezetting PNS",
  "Bezetting PPPK",
  "Honorer",
  "Cuti/Tugas Belajar",
  "Kekurangan",
  "Kekurangan setelah rencana",
  "Tidak terpenuhi mutasi",
  "Kekurangan karena kebijakan",
] as const;

export function formasiHeaders(years: readonly number[]): string[] {
  return [
    ...FORMASI_LEAD_HEADERS,
    ...years.map((y) => `Pensiun ${y}`),
    ...years.map((y) => `Usulan ${y}`),
    "Keterangan",
  ];
}

export const RINGKASAN_HEADERS_LEAD = [
  "Jabatan",
  "Kode Jabatan",
  "Sekolah Swasta",
  "Kualifikasi Pendidikan",
  "Jumlah Unit",
  "Kebutuhan",
  "Bezetting",
  "Bezetting PNS",
  "Bezetting PPPK",
  "Honorer",
  "Kekurangan",
  "Kekurangan setelah rencana",
  "Tidak terpenuhi mutasi",
  "Kekurangan karena kebijakan",
] as const;

export const PENSIUN_HEADERS = [
  "NIP",
  "Nama",
  "Jabatan",
  "Unit Kerja",
  "Kode Unit",
  "Status",
  "BUP",
  "Tanggal BUP",
  "Tahun",
  "Mengurangi Bezetting",
  "Jam per Minggu",
  "Satuan Jam",
] as const;

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** One jabatan's totals over its units, as e-Formasi asks for them. */
export interface FormasiSummary {
  /** Private schools' needs are kept apart from the state ones (issue 29): ASN reach them by redistribution. */
  privateSchools: boolean;
  roleCode: string;
  roleName: string;
  qualification: string;
  units: number;
  need: number;
  bezetting: number;
  pns: number;
  pppk: number;
  honorers: number;
  shortNow: number;
  shortAfterFlight: number;
  hireable: number;
  policy: number;
  retirements: number[];
  retirementsInBezetting: number[];
  requests: number[];
}

export function summarizeFormasi(rows: readonly FormasiRow[], years: number): FormasiSummary[] {
  const byRole = new Map<string, FormasiRow[]>();
  const keyOf = (row: FormasiRow) => `${row.roleCode}|${isPrivateSchool(row) ? "swasta" : ""}`;
  for (const row of rows) byRole.set(keyOf(row), [...(byRole.get(keyOf(row)) ?? []), row]);
  const perYear = (group: FormasiRow[], pick: (r: FormasiRow) => number[]) =>
    Array.from({ length: years }, (_, i) => sum(group.map((r) => pick(r)[i] ?? 0)));
  return [...byRole.values()].map((group) => {
    const first = group[0] as FormasiRow;
    return {
      privateSchools: isPrivateSchool(first),
      roleCode: first.roleCode,
      roleName: first.roleName,
      qualification: first.qualification,
      units: group.length,
      need: sum(group.map((r) => r.need)),
      bezetting: sum(group.map((r) => r.bezetting)),
      pns: sum(group.map((r) => r.pns)),
      pppk: sum(group.map((r) => r.pppk)),
      honorers: sum(group.map((r) => r.honorers)),
      shortNow: sum(group.map((r) => r.shortNow)),
      shortAfterFlight: sum(group.map((r) => r.shortAfterFlight)),
      hireable: sum(group.map((r) => r.hireable)),
      policy: sum(group.map((r) => r.policy)),
      retirements: perYear(group, (r) => r.retirements),
      retirementsInBezetting: perYear(group, (r) => r.retirementsInBezetting),
      requests: perYear(group, (r) => r.requests),
    };
  });
}

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.height = 32;
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 1 }];
}

/** The workbook: Formasi (one row per jabatan and unit), Ringkasan (per jabatan, with charts), Pensiun. */
export async function formasiWorkbook(formasi: Formasi): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Seimbang";
  book.created = formasi.generatedAt;
  const years = formasi.years;

  const sheet = book.addWorksheet("Formasi");
  sheet.addRow(formasiHeaders(years));
  for (const row of formasi.rows) {
    const reasons = formasi.reasons.get(`${row.unitCode}|${row.roleCode}`) ?? [];
    sheet.addRow([
      row.roleName,
      row.roleCode,
      row.unitName,
      row.unitCode,
      row.schoolStatus ?? "",
      row.qualification,
      row.hoursUnit,
      row.demand,
      row.need,
      row.bezetting,
      row.pns,
      row.pppk,
      row.honorers,
      row.onLeave,
      row.shortNow,
      row.shortAfterFlight,
      row.hireable,
      row.policy,
      ...row.retirements,
      ...row.requests,
      [...new Set(reasons)].map((r) => REASON_TEXT[r]).join("; "),
    ]);
  }
  styleHeader(sheet);
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 || i === 2 ? 30 : i === 5 ? 28 : i === formasiHeaders(years).length - 1 ? 50 : 12;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: formasiHeaders(years).length } };

  const summaries = summarizeFormasi(formasi.rows, years.length);
  const summary = book.addWorksheet("Ringkasan");
  summary.addRow([
    ...RINGKASAN_HEADERS_LEAD,
    ...years.map((y) => `Pensiun ${y}`),
    ...years.map((y) => `Usulan ${y}`),
    "Jumlah Usulan",
  ]);
  for (const s of summaries)
    summary.addRow([
      s.privateSchools ? `${s.roleName} (sekolah swasta)` : s.roleName,
      s.roleCode,
      s.privateSchools ? "Ya" : "",
      s.qualification,
      s.units,
      s.need,
      s.bezetting,
      s.pns,
      s.pppk,
      s.honorers,
      s.shortNow,
      s.shortAfterFlight,
      s.hireable,
      s.policy,
      ...s.retirements,
      ...s.requests,
      sum(s.requests),
    ]);
  styleHeader(summary);
  summary.columns.forEach((column, i) => {
    column.width = i === 0 ? 30 : i === 3 ? 28 : 12;
  });
  summary.addRow([]);
  summary.addRow([
    `Rencana mutasi: ${formasi.plan.moves} usulan, ${formasi.plan.optimal ? "terbukti optimal" : "belum terbukti optimal (batas waktu)"}. Kebutuhan, bezetting dan kekurangan dalam orang (jam dibagi jam standar jabatan, dibulatkan ke atas).`,
  ]);

  // One chart per jabatan with something to ask for or someone retiring, the largest first.
  const charted = summaries
    .filter((s) => sum(s.requests) + sum(s.retirements) > 0)
    .sort((a, b) => sum(b.requests) - sum(a.requests) || sum(b.retirements) - sum(a.retirements))
    .slice(0, MAX_CHARTS);
  let top = summary.rowCount + 2;
  for (const s of charted) {
    const columns = ["Sekarang", ...years.map(String)];
    const cumulative = (values: number[]) => values.map((_, i) => sum(values.slice(0, i + 1)));
    const lost = [0, ...cumulative(s.retirementsInBezetting)];
    const asked = [0, ...cumulative(s.requests)];
    const png = await renderFormasiChart({
      title: s.privateSchools ? `${s.roleName} (sekolah swasta)` : s.roleName,
      labels: {
        need: "Kebutuhan",
        without: "Bezetting tanpa rekrutmen",
        withRequests: "Bezetting dengan usulan",
        retirements: "Pensiun",
        axis: "Orang",
      },
      columns,
      need: s.need,
      without: lost.map((l) => s.bezetting - l),
      withRequests: lost.map((l, i) => s.bezetting - l + (asked[i] ?? 0)),
      retirements: [0, ...s.retirements],
    });
    const image = book.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
    summary.addImage(image, { tl: { col: 0, row: top }, ext: { width: 640, height: 400 } });
    top += 21;
  }

  const pensiun = book.addWorksheet("Pensiun");
  pensiun.addRow([...PENSIUN_HEADERS]);
  for (const p of formasi.retirees)
    pensiun.addRow([
      p.nip,
      p.name,
      p.roleName,
      p.unitName,
      p.unitCode,
      p.status,
      p.retirementAge,
      p.retirementDate,
      p.year,
      p.inBezetting ? "Ya" : "Tidak",
      p.hours,
      p.hoursUnit,
    ]);
  styleHeader(pensiun);
  pensiun.getColumn(1).numFmt = "@";
  pensiun.getColumn(8).numFmt = "dd/mm/yyyy";
  pensiun.columns.forEach((column, i) => {
    column.width = [21, 30, 28, 30, 12, 14, 6, 12, 8, 12, 10, 10][i] ?? 12;
  });

  return Buffer.from(await book.xlsx.writeBuffer());
}
