/**
 * Benchmark of the import (npm run bench:import): one XLSX file with 1,000 units and 50,000
 * employees (valid NIPs), imported into a fresh embedded PGlite, three times; then the same file
 * again into the filled database (everything unchanged). Replaces the "## Import" section of
 * BENCHMARKS.md and leaves other sections alone. Target: under 20 s for the first import.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { PGlite } from "@electric-sql/pglite";
import ExcelJS from "exceljs";
import { pgliteAdapter, pgliteTransactionOpener } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrate.ts";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { readImportFile } from "../src/import/read-file.ts";
import { importData, type ImportReport } from "../src/use-cases/import-data.ts";
import { writeBenchmarkSection } from "./benchmarks-file.ts";

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

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

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

async function main(): Promise<void> {
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
  const seconds = median(first.map((r) => r.seconds));
  const readSeconds = median(first.map((r) => r.readSeconds));
  const rss = process.resourceUsage().maxRSS / 1024;
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const section = [
    "## Import",
    "",
    `Command: \`npm run bench:import\` (\`tsx bench/import.ts\`). Date: ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${cpus().length} cores (${cpu}), ${fmt(totalmem() / 2 ** 30, 0)} GiB RAM, Node ${process.version}, embedded PGlite in memory.`,
    `The cores are shared with other work, so timings are noisy (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} at the end).`,
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
    `Peak RSS of the benchmark process (maxRSS, all runs, file generation included): ${Math.round(rss)} MB.`,
    "",
  ]
    .filter((line, i, all) => line !== "" || all[i - 1] !== "")
    .join("\n");
  writeBenchmarkSection("## Import", section);
  console.log(section);
}

await main();
