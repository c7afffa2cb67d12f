// The formasi sheet read back as an operator's tool reads it (columns by header), and reconciled with
// `status --json`, `check --json` and the people's birth dates, computed here independently.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { expect } from "vitest";
import { checkCommand } from "../../src/cli/commands/check.ts";
import { exportCommand } from "../../src/cli/commands/export.ts";
import { statusCommand } from "../../src/cli/commands/status.ts";
import type { Clock } from "../../src/domain/clock.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { testCli } from "./cli.ts";

export type SheetRow = Record<string, unknown>;

/** Each sheet's rows as objects keyed by the header row's texts. */
export async function readWorkbook(buffer: Buffer | string): Promise<Record<string, SheetRow[]>> {
  const book = new ExcelJS.Workbook();
  if (typeof buffer === "string") await book.xlsx.readFile(buffer);
  else await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const sheets: Record<string, SheetRow[]> = {};
  for (const sheet of book.worksheets) {
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const rows: SheetRow[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      if (values.every((v) => v === undefined || v === null || v === "")) return;
      rows.push(Object.fromEntries(header.map((h, i) => [h, values[i]])));
    });
    sheets[sheet.name] = rows;
  }
  return sheets;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const HIREABLE = new Set(["supply_exhausted", "no_compatible_supply", "beyond_distance"]);

/** BUP by PP 11/2017 Pasal 239 and UU 14/2005 Pasal 40, written out again here as the reference. */
function referenceBup(
  role: { isTeacher: boolean; retirementAge: number; retirementAgeSet: boolean; code: string; name: string },
  person: { jenjang: string | null; jabatanKind: string | null },
): number {
  if (role.retirementAgeSet) return role.retirementAge;
  if (role.isTeacher || /kepala sekolah/i.test(role.name) || role.code === "KEPSEK") return 60;
  const jenjang = (person.jenjang ?? "").toUpperCase().replace(/[^A-Z]+/g, "_");
  if (jenjang.includes("AHLI_UTAMA")) return 65;
  if (/pimpinan tinggi/i.test(person.jabatanKind ?? "") || jenjang.includes("AHLI_MADYA")) return 60;
  return 58;
}

/**
 * Writes the sheet with `cli export formasi`, then checks it against `status --json`, `check --json`
 * and the database's people: the figures in hours sum to the status's, the needs left for hiring and
 * for the rules to the check's shortfalls, the summary to the rows, and the retirements person by person.
 */
export async function reconcileFormasi(
  prisma: PrismaClient,
  clock: Clock,
): Promise<Record<string, SheetRow[]>> {
  const dir = await mkdtemp(join(tmpdir(), "seimbang-formasi-"));
  try {
    const out = join(dir, "formasi.xlsx");
    const exported = testCli(prisma, { clock });
    await exportCommand.run(["formasi", "--out", out], exported.ctx);
    expect(exported.out.join("\n")).toMatch(/^Wrote .*formasi\.xlsx: \d+ rows/);
    const sheets = await readWorkbook(out);
    const rows = sheets.Formasi ?? [];
    const firstYear = Number(new Date(clock.now().getTime() + 9 * 3_600_000).getUTCFullYear()) + 1;
    const years = [0, 1, 2, 3, 4].map((i) => firstYear + i);

    // The contract's headers are there; numbers are numbers; no total rows (each row names its unit).
    for (const header of [
      "Jabatan",
      "Unit Kerja",
      "Kebutuhan",
      "Bezetting",
      "Kekurangan",
      "Kekurangan setelah rencana",
      ...years.map((y) => `Pensiun ${y}`),
      ...years.map((y) => `Usulan ${y}`),
    ])
      for (const row of rows) expect(row, header).toHaveProperty(header);
    for (const row of rows) {
      expect(typeof row["Kode Unit"]).toBe("string");
      for (const header of ["Kebutuhan", "Bezetting", "Kekurangan", ...years.map((y) => `Usulan ${y}`)]) {
        expect(typeof row[header], header).toBe("number");
        expect(row[header] as number).toBeGreaterThanOrEqual(0);
      }
    }

    const status = testCli(prisma, { clock });
    await statusCommand.run(["--json"], status.ctx);
    const units = (
      JSON.parse(status.out.join("\n")) as {
        units: Array<{
          code: string;
          roles: Array<{ role: string; hoursUnit: string; demand: number; capacity: number; staff: number }>;
        }>;
      }
    ).units;
    const roles = new Map((await prisma.role.findMany()).map((r) => [r.code, r]));
    const standard = (code: string) => roles.get(code)?.standardHours ?? 0;
    const up = (hours: number, code: string) => (hours > 1e-9 ? Math.ceil(hours / standard(code) - 1e-9) : 0);
    const statusRoles = units.flatMap((u) => u.roles.map((r) => ({ ...r, unit: u.code })));
    const byKey = new Map(rows.map((r) => [`${String(r["Kode Unit"])}|${String(r["Kode Jabatan"])}`, r]));
    // Every need or person of status is a row with the same hours, people and shortfall.
    for (const r of statusRoles) {
      if (r.demand <= 0 && r.staff === 0) continue;
      const row = byKey.get(`${r.unit}|${r.role}`);
      expect(row, `${r.unit} ${r.role}`).toBeDefined();
      expect(row?.["Kebutuhan Jam"]).toBe(r.demand);
      expect(row?.["Bezetting"]).toBe(r.staff);
      expect(row?.["Kekurangan"]).toBe(up(r.demand - r.capacity, r.role));
    }
    // Rows status does not have are private schools' requests for a role they have nobody in (issue 29).
    const inStatus = new Set(statusRoles.map((r) => `${r.unit}|${r.role}`));
    const statusRows = rows.filter((r) =>
      inStatus.has(`${String(r["Kode Unit"])}|${String(r["Kode Jabatan"])}`),
    );
    for (const row of rows.filter((r) => !statusRows.includes(r)))
      expect(row["Status Sekolah"]).toBe("Swasta");
    for (const kind of ["JP", "jam"]) {
      const fromStatus = sum(statusRoles.filter((r) => r.hoursUnit === kind).map((r) => r.demand));
      const fromSheet = sum(
        statusRows.filter((r) => r["Satuan Jam"] === kind).map((r) => r["Kebutuhan Jam"] as number),
      );
      expect(fromSheet, kind).toBeCloseTo(fromStatus, 6);
    }
    expect(sum(statusRows.map((r) => r.Bezetting as number))).toBe(sum(statusRoles.map((r) => r.staff)));

    // What the check leaves short: for hiring, and because of the rules, in people per unit.
    const check = testCli(prisma, { clock });
    await checkCommand.run(["--json"], check.ctx);
    const shortfalls = (
      JSON.parse(check.out.join("\n")) as {
        shortfalls: Array<{ unit: string; role: string; unmetHours: number; reason: string }>;
      }
    ).shortfalls;
    const people = (pick: (reason: string) => boolean) =>
      sum(shortfalls.filter((s) => pick(s.reason)).map((s) => up(s.unmetHours, s.role)));
    expect(sum(rows.map((r) => r["Tidak terpenuhi mutasi"] as number))).toBe(people((r) => HIREABLE.has(r)));
    expect(sum(rows.map((r) => r["Kekurangan karena kebijakan"] as number))).toBe(
      people((r) => !HIREABLE.has(r)),
    );

    // The summary is the rows summed per jabatan.
    for (const line of sheets.Ringkasan ?? []) {
      if (typeof line["Kode Jabatan"] !== "string") continue;
      const privateRow = (r: SheetRow) => String(r["Status Sekolah"] ?? "").toLowerCase() === "swasta";
      const mine = rows.filter(
        (r) =>
          r["Kode Jabatan"] === line["Kode Jabatan"] && privateRow(r) === (line["Sekolah Swasta"] === "Ya"),
      );
      for (const header of ["Kebutuhan", "Bezetting", "Kekurangan", ...years.map((y) => `Usulan ${y}`)])
        expect(line[header], `${String(line.Jabatan)} ${header}`).toBe(
          sum(mine.map((r) => r[header] as number)),
        );
    }

    // Retirements person by person: everyone still serving whose BUP falls before the last year ends.
    const end = Date.UTC(firstYear + 5, 0, 1);
    const employees = await prisma.employee.findMany({
      where: { status: { notIn: ["PENSIUN", "NONAKTIF"] } },
      include: { role: true },
    });
    const expected = employees.flatMap((e) => {
      const bup = referenceBup(e.role, e);
      const date = new Date(
        Date.UTC(e.birthDate.getUTCFullYear() + bup, e.birthDate.getUTCMonth(), e.birthDate.getUTCDate()),
      );
      return date.getTime() < end
        ? [{ nip: e.nip, bup, date, year: Math.max(firstYear, date.getUTCFullYear()) }]
        : [];
    });
    const listed = sheets.Pensiun ?? [];
    expect(listed.map((p) => p.NIP).sort()).toEqual(expected.map((p) => p.nip).sort());
    for (const person of expected) {
      const row = listed.find((p) => p.NIP === person.nip);
      expect(typeof row?.NIP).toBe("string");
      expect(row?.BUP).toBe(person.bup);
      expect((row?.["Tanggal BUP"] as Date).toISOString().slice(0, 10)).toBe(
        person.date.toISOString().slice(0, 10),
      );
      expect(row?.Tahun).toBe(person.year);
    }
    for (const year of years)
      expect(sum(rows.map((r) => r[`Pensiun ${year}`] as number)), `Pensiun ${year}`).toBe(
        listed.filter((p) => p.Tahun === year).length,
      );
    return sheets;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
