// npm run bench:lifecycle — the daily lifecycle job (retirements, month-ahead notices, end of cuti)
// on a 5,000-person district in the embedded database: the first run with a backlog (people already
// past their BUP when the data arrived), and the next day's run. Writes "## Daily lifecycle job".
import { cpus, loadavg } from "node:os";
import { PGlite } from "@electric-sql/pglite";
import { pgliteAdapter, pgliteTransactionOpener } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrate.ts";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { runDailyLifecycle } from "../src/use-cases/lifecycle/index.ts";
import { createLogger } from "../src/logger.ts";
import { writeBenchmarkSection } from "./benchmarks-file.ts";

const PEOPLE = 5_000;
const UNITS = 250;
const TODAY = new Date("2026-12-01T00:00:00Z");
const TOMORROW = new Date("2026-12-02T00:00:00Z");

/** A small deterministic generator, so every run measures the same district. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

async function seed(db: PrismaClient) {
  const next = random(13);
  const agency = await db.agency.create({ data: { code: "DISDIK", name: "Dinas Pendidikan" } });
  const teacher = await db.role.create({
    data: { code: "GURU", name: "Guru", standardHours: 24, isTeacher: true, hoursUnit: "JP" },
  });
  const staff = await db.role.create({ data: { code: "TU", name: "Tenaga Administrasi" } });
  await db.unit.createMany({
    data: Array.from({ length: UNITS }, (_, i) => ({
      code: `U${i}`,
      name: `Sekolah ${i}`,
      agencyId: agency.id,
    })),
  });
  const units = await db.unit.findMany({ select: { id: true } });
  await db.user.createMany({
    data: units.map((u, i) => ({
      telegramId: BigInt(10_000 + i),
      name: `Kepala ${i}`,
      role: "UNIT_HEAD" as const,
      unitId: u.id,
    })),
  });
  const jenjang = [null, null, "AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA"];
  await db.employee.createMany({
    data: Array.from({ length: PEOPLE }, (_, i) => {
      // Birth years 1962–2000: the oldest are a backlog already past their BUP.
      const birth = new Date(
        Date.UTC(1962 + Math.floor(next() * 39), Math.floor(next() * 12), 1 + Math.floor(next() * 28)),
      );
      const onLeave = next() < 0.02;
      return {
        nip: String(100_000_000_000_000_000n + BigInt(i)),
        name: `Pegawai ${i}`,
        unitId: units[i % UNITS]!.id,
        roleId: next() < 0.8 ? teacher.id : staff.id,
        weeklyHours: 24,
        birthDate: birth,
        postSince: new Date("2015-01-01"),
        jenjang: jenjang[Math.floor(next() * jenjang.length)] ?? null,
        status: onLeave ? ("CUTI" as const) : ("AKTIF" as const),
        statusUntil: onLeave ? new Date(Date.UTC(2026, 10, 1 + Math.floor(next() * 60))) : null,
      };
    }),
  });
}

async function main() {
  const pglite = await PGlite.create();
  await applyMigrations(pgliteTransactionOpener(pglite));
  const db = new PrismaClient({ adapter: pgliteAdapter(pglite) });
  await seed(db);
  const logger = createLogger("silent");
  const timed = async (now: Date) => {
    const start = performance.now();
    const result = await runDailyLifecycle(
      { db, logger },
      { now, timeZone: "Asia/Jayapura", defaultLocale: "id" },
    );
    return { ...result, ms: performance.now() - start };
  };
  const first = await timed(TODAY);
  const again = await timed(TODAY);
  const next = await timed(TOMORROW);
  const outbox = await db.outboxMessage.count();
  await db.$disconnect();
  await pglite.close();

  const row = (label: string, r: typeof first) =>
    `| ${label} | ${r.retired} | ${r.noticed} | ${r.returned} | ${(r.ms / 1000).toFixed(2)} |`;
  const section = [
    "## Daily lifecycle job",
    "",
    `Command: \`npm run bench:lifecycle\` (\`tsx bench/lifecycle.ts\`). Date: ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "?"}), Node ${process.version}, embedded PGlite in memory.`,
    `District: ${PEOPLE} people in ${UNITS} units, one head each; birth years 1962–2000, so the first run retires a backlog; 2% on cuti.`,
    "",
    "| run | retired | notices queued | back from cuti | seconds |",
    "| --- | ---: | ---: | ---: | ---: |",
    row("first (backlog)", first),
    row("same day again", again),
    row("next day", next),
    "",
    `Outbox rows after the three runs: ${outbox}. Load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} (the cores are shared, timings are noisy).`,
    "",
  ].join("\n");
  writeBenchmarkSection("## Daily lifecycle job", section);
  process.stdout.write(section);
}

await main();
