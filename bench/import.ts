/**
 * Benchmark of the import (npm run bench:import). Two cases, each into a fresh embedded PGlite,
 * three times, then again into the filled database (everything unchanged):
 * - one XLSX file with 1,000 units and 50,000 employees (valid NIPs);
 * - a district's own exports (bench/import-district.ts): jabatan workbook, schools CSV, SIASN CSV,
 *   Dapodik XLSX, 300 schools and 5,000 teachers.
 * Replaces the "## Import" section of BENCHMARKS.md and leaves other sections alone. Target: under
 * 20 s for each first import.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { PGlite } from "@electric-sql/pglite";
import ExcelJS from "exceljs";
import { pgliteAdapter, pgliteTransactionOpener } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrate.ts";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { readImportFile } from "../src/import/read-file.ts";
import { importData, type ImportReport, importWorkbook } from "../src/use-cases/imports/index.ts";
import { writeBenchmarkSection } from "./benchmarks-file.ts";
import {
  DISTRICT_ORDER,
  generateDistrict,
  HONORERS,
  SCHOOLS,
  TEACHERS,
  type DistrictFiles,
} from "./import-district.ts";
import { mulberry32 as random } from "../src/seed/random.ts";

const UNITS = 1_000;
const EMPLOYEES = 50_000;
const RUNS = 3;
const TARGET_SECONDS = 20;
const ROLES = [
  ["GURU_KELAS", "Guru Kelas SD"],
  ["GURU_IPA", "Guru IPA"],
  ["GURU_MTK", "Guru Matematika"],
  ["TENAGA_ADM", "Tenaga Administrasi"],
] as const;

const pad = (n: number, width: number) => String(n).padStart(width, "0");

async function generateFile(): Promise<Buffer> {
  const rand = random(20_240_601);
  const workbook = new ExcelJS.Workbook();
  const units = workbook.addWorksheet("unit kerja");
  units.addRow(["Kode", "Nama", "Jenis", "Instansi", "Lintang", "Bujur"]);
  for (let i = 1; i <= UNITS; i++) {
    const kind = i % 3 === 0 ? "SMP" : "SD";
    units.addRow([
      `${kind}N-${pad(i, 4)}`,
      `${kind} Negeri ${i} Merauke`,
      kind,
      "DISDIK",
      -8.4 - rand() * 0.9,
      140.3 + rand() * 0.9,
    ]);
  }
  const employees = workbook.addWorksheet("pegawai");
  employees.addRow([
    "NIP",
    "Nama",
    "Kode Unit",
    "Kode Jabatan",
    "Nama Jabatan",
    "JP per minggu",
    "TMT Jabatan",
  ]);
  const seen = new Set<string>();
  for (let i = 0; i < EMPLOYEES; i++) {
    let nip: string;
    do {
      const birthYear = 1966 + Math.floor(rand() * 34);
      const birth = `${birthYear}${pad(1 + Math.floor(rand() * 12), 2)}${pad(1 + Math.floor(rand() * 28), 2)}`;
      const cpns = `${birthYear + 22 + Math.floor(rand() * 8)}${pad(1 + Math.floor(rand() * 12), 2)}`;
      nip = `${birth}${cpns}${rand() < 0.5 ? 1 : 2}${pad(1 + Math.floor(rand() * 999), 3)}`;
    } while (seen.has(nip));
    seen.add(nip);
    const unit = 1 + Math.floor(rand() * UNITS);
    const kind = unit % 3 === 0 ? "SMP" : "SD";
    const [roleCode, roleName] = ROLES[Math.floor(rand() * ROLES.length)] ?? ROLES[0];
    const post = `${pad(1 + Math.floor(rand() * 28), 2)}-${pad(1 + Math.floor(rand() * 12), 2)}-${2012 + Math.floor(rand() * 12)}`;
    employees.addRow([
      nip,
      `Pegawai ${i + 1}`,
      `${kind}N-${pad(unit, 4)}`,
      roleCode,
      roleName,
      18 + Math.floor(rand() * 12),
      post,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function freshDatabase(): Promise<{ prisma: PrismaClient; close(): Promise<void> }> {
  const pglite = await PGlite.create();
  await applyMigrations(pgliteTransactionOpener(pglite));
  const prisma = new PrismaClient({ adapter: pgliteAdapter(pglite) });
  return {
    prisma,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function timedImport(
  prisma: PrismaClient,
  file: Buffer,
): Promise<{ seconds: number; readSeconds: number; report: ImportReport }> {
  const started = performance.now();
  const tables = await readImportFile(file, "bench.xlsx");
  const read = performance.now();
  const report = await prisma.$transaction(
    (tx) => importData(tx, tables, { source: "bench.xlsx", actor: { name: "bench" }, now: new Date() }),
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return { seconds: (performance.now() - started) / 1000, readSeconds: (read - started) / 1000, report };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const fmt = (value: number, digits = 1) => value.toFixed(digits);

interface DistrictRun {
  seconds: number;
  steps: Record<keyof DistrictFiles, number>;
  employees: number;
  honorers: number;
  unchanged: number;
  rejected: number;
  firstRejects: string[];
}

/** The four files one after the other, each read and imported in its own transaction, as an operator would. */
async function districtImport(prisma: PrismaClient, files: DistrictFiles): Promise<DistrictRun> {
  const run: DistrictRun = {
    seconds: 0,
    steps: { jabatan: 0, schools: 0, siasn: 0, dapodik: 0 },
    employees: 0,
    honorers: 0,
    unchanged: 0,
    rejected: 0,
    firstRejects: [],
  };
  for (const [kind, name] of DISTRICT_ORDER) {
    const started = performance.now();
    const tables = await readImportFile(files[kind], name);
    const report = await prisma.$transaction(
      (tx) => importWorkbook(tx, tables, { source: name, actor: { name: "bench" }, now: new Date() }),
      { timeout: 10 * 60_000, maxWait: 60_000 },
    );
    const seconds = (performance.now() - started) / 1000;
    run.steps[kind] = seconds;
    run.seconds += seconds;
    const data = report.data;
    if (kind === "dapodik" && data) {
      run.employees = data.employees.created + data.employees.updated + data.employees.unchanged;
      run.honorers = data.honorers.created + data.honorers.updated + data.honorers.unchanged;
    }
    if (data) run.unchanged += data.employees.unchanged + data.honorers.unchanged + data.units.unchanged;
    run.rejected += report.rejected.length;
    for (const r of report.rejected.slice(0, 3 - run.firstRejects.length))
      run.firstRejects.push(`${name}:${r.line} ${r.reason.code} ${JSON.stringify(r.reason.params ?? {})}`);
  }
  return run;
}

async function benchDistrict(): Promise<string[]> {
  const files = await generateDistrict();
  const mb = (Object.values(files) as Buffer[]).reduce((sum, b) => sum + b.length, 0) / 1048576;
  console.log(`district: ${fmt(mb, 2)} MB in 4 files`);
  const runs: DistrictRun[] = [];
  let again: DistrictRun | null = null;
  for (let i = 1; i <= RUNS; i++) {
    const db = await freshDatabase();
    const run = await districtImport(db.prisma, files);
    runs.push(run);
    console.log(
      `district run ${i}: ${fmt(run.seconds, 2)} s ${JSON.stringify(run.steps)}, ${run.rejected} rejected ${run.firstRejects.join("; ")}`,
    );
    if (i === RUNS) {
      again = await districtImport(db.prisma, files);
      console.log(`district re-import: ${fmt(again.seconds, 2)} s, ${again.unchanged} unchanged`);
    }
    await db.close();
  }
  const seconds = median(runs.map((r) => r.seconds));
  const step = (kind: keyof DistrictFiles) => fmt(median(runs.map((r) => r.steps[kind])), 2);
  const last = runs.at(-1)!;
  return [
    `A district's own exports (bench/import-district.ts, ${fmt(mb, 2)} MB): a jabatan + kesesuaian workbook (4 teaching`,
    `roles with their Dapodik labels), the schools CSV (${SCHOOLS} schools: NPSN, UNOR_ID, Nama Sekolah, Bentuk Pendidikan, …,`,
    `Jumlah Rombel, instansi), SIASN's data utama CSV (${TEACHERS.toLocaleString("en")} ASN teachers, a fifth PPPK) and Dapodik's PTK list`,
    `as XLSX under its title rows (the same ${TEACHERS.toLocaleString("en")} by NIP plus ${HONORERS} guru honorer). Imported one after the other,`,
    "each file read and imported in its own transaction (importWorkbook), as an operator sends them.",
    "",
    "| what | median s (runs) | jabatan | schools | SIASN | Dapodik | result | target |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    `| four files into an empty database | ${fmt(seconds, 2)} (${RUNS}) | ${step("jabatan")} | ${step("schools")} | ${step("siasn")} | ${step("dapodik")} | ${last.employees.toLocaleString("en")} employees, ${last.honorers} honorer, ${last.rejected} rows rejected | < ${TARGET_SECONDS} s: ${seconds < TARGET_SECONDS ? "met" : "NOT met"} |`,
    again
      ? `| the same four again (${again.unchanged.toLocaleString("en")} records unchanged) | ${fmt(again.seconds, 2)} (1) | ${fmt(again.steps.jabatan, 2)} | ${fmt(again.steps.schools, 2)} | ${fmt(again.steps.siasn, 2)} | ${fmt(again.steps.dapodik, 2)} | ${again.rejected} rows rejected | |`
      : "",
    ...(last.rejected > 0 ? ["", `Rows rejected (first three): ${last.firstRejects.join("; ")}.`] : []),
    "",
  ];
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  const file = await generateFile();
  const rows = UNITS + EMPLOYEES;
  console.log(`generated ${(file.length / 1048576).toFixed(2)} MB XLSX, ${rows} rows`);
  const first: Array<{ seconds: number; readSeconds: number }> = [];
  let again: { seconds: number; report: ImportReport } | null = null;
  for (let run = 1; run <= RUNS; run++) {
    const db = await freshDatabase();
    const result = await timedImport(db.prisma, file);
    const { units, employees, rejected } = result.report;
    if (employees.created !== EMPLOYEES || units.created !== UNITS || rejected.length > 0) {
      throw new Error(
        `run ${run}: unexpected report ${JSON.stringify({ units, employees, rejected: rejected.slice(0, 3) })}`,
      );
    }
    first.push(result);
    console.log(`run ${run}: ${fmt(result.seconds, 2)} s (reading the file ${fmt(result.readSeconds, 2)} s)`);
    if (run === RUNS) {
      again = await timedImport(db.prisma, file);
      console.log(`re-import: ${fmt(again.seconds, 2)} s, ${again.report.employees.unchanged} unchanged`);
    }
    await db.close();
  }
  const district = await benchDistrict();
  const seconds = median(first.map((r) => r.seconds));
  const readSeconds = median(first.map((r) => r.readSeconds));
  const rss = process.resourceUsage().maxRSS / 1024;
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const section = [
    "## Import",
    "",
    `Command: \`npm run bench:import\` (\`tsx bench/import.ts\`). Date: ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${cpus().length} cores (${cpu}), ${fmt(totalmem() / 2 ** 30, 0)} GiB RAM, Node ${process.version}, embedded PGlite in memory.`,
    `The cores are shared with other work, so timings are noisy (load average ${loadAtStart.toFixed(1)} at the start,`,
    `${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        " / ",
      )} at the end; "reading the file" is the same exceljs work in every run and shows how much the load slows it).`,
    "",
    `One XLSX file (${fmt(file.length / 1048576, 2)} MB): sheet "unit kerja" with ${UNITS.toLocaleString("en")} units, sheet "pegawai" with`,
    `${EMPLOYEES.toLocaleString("en")} employees (valid NIPs, 4 roles created by the file's role-name column, dd-mm-yyyy dates).`,
    "Timed: reading the file (exceljs) plus the import in one transaction (batched INSERT and UPDATE from one JSON",
    "parameter per 10,000 rows, audit lines).",
    "",
    "| what | median s (runs) | rows/s | reading the file, s | target |",
    "| --- | --- | --- | --- | --- |",
    `| first import into an empty database | ${fmt(seconds, 2)} (${RUNS}) | ${Math.round(rows / seconds).toLocaleString("en")} | ${fmt(readSeconds, 2)} | < ${TARGET_SECONDS} s: ${seconds < TARGET_SECONDS ? "met" : "NOT met"} |`,
    again
      ? `| same file again (all ${again.report.employees.unchanged.toLocaleString("en")} employees unchanged) | ${fmt(again.seconds, 2)} (1) | ${Math.round(rows / again.seconds).toLocaleString("en")} | | |`
      : "",
    "",
    ...district,
    `Peak RSS of the benchmark process (maxRSS, all runs, file generation included): ${Math.round(rss)} MB.`,
    "",
  ]
    .filter((line, i, all) => line !== "" || all[i - 1] !== "")
    .join("\n");
  writeBenchmarkSection("## Import", section);
  console.log(section);
}

await main();
