// The districts of bench:check in a database: the engine benchmark's district written as an import
// leaves it, in the embedded PGlite or in a fresh database on the PostgreSQL server.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, pgliteAdapter, pgliteTransactionOpener } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrate.ts";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import type { PlanInput } from "../src/domain/balance/index.ts";
import { periodOf } from "../src/domain/time.ts";

export const ZONE = "Asia/Jayapura";
/** Monday 08:00 WIT, the schedule's default. */
export const FIRST = new Date("2026-12-06T23:00:00Z");
export const HR_CHAT = -1_001_234_567_890n;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  kind: string;
  db: PrismaClient;
  close(): Promise<void>;
}

export async function embedded(): Promise<BenchDatabase> {
  const pglite = await PGlite.create();
  await applyMigrations(pgliteTransactionOpener(pglite));
  const db = new PrismaClient({ adapter: pgliteAdapter(pglite) });
  return {
    kind: "PGlite",
    db,
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}

/** A fresh database on the PostgreSQL server, dropped at the end; null when the server does not answer. */
export async function postgres(): Promise<BenchDatabase | null> {
  const name = `seimbang_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await admin.connect();
  } catch {
    process.stderr.write(`PostgreSQL at ${POSTGRES_URL} does not answer: measured in PGlite only.\n`);
    return null;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: "" });
  await database.migrate();
  return {
    kind: "PostgreSQL",
    db: database.prisma,
    close: async () => {
      await database.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A NIP as SIASN writes it: birth date, TMT CPNS (year, month), sex, sequence. */
function nip(index: number, birth: Date): string {
  const day = birth.toISOString().slice(0, 10).replaceAll("-", "");
  const block = Math.floor(index / 1000);
  const tmt = `${2005 + Math.floor(block / 12)}${String(1 + (block % 12)).padStart(2, "0")}`;
  return `${day}${tmt}${1 + (index % 2)}${String(index % 1000).padStart(3, "0")}`;
}

export async function seed(db: PrismaClient, district: PlanInput): Promise<void> {
  const agency = await db.agency.create({ data: { code: "DISDIK", name: "Dinas Pendidikan" } });
  await db.hrGroup.create({ data: { chatId: HR_CHAT, title: "Tim BKPSDM", agencyId: agency.id } });
  await db.user.create({
    data: { telegramId: 7_000_001n, name: "Analis BKPSDM", role: "HR_APPROVER", agencyId: agency.id },
  });
  for (const role of district.roles) {
    const teacher = role.id !== "TENAGA_ADM";
    await db.role.create({
      data: {
        code: role.id,
        name: role.name,
        standardHours: role.standardHours ?? 37.5,
        isTeacher: teacher,
        hoursUnit: teacher ? "JP" : "JAM",
        retirementAge: teacher ? 60 : 58,
      },
    });
  }
  const roles = new Map((await db.role.findMany()).map((r) => [r.code, r.id]));
  await db.roleCompatibility.createMany({
    data: district.compatibility.map((c) => ({ fromRoleId: roles.get(c.from)!, toRoleId: roles.get(c.to)! })),
  });
  await db.unit.createMany({
    data: district.units.map((u) => ({
      code: u.id,
      name: u.name,
      kind: u.id.startsWith("SD") ? ("SD" as const) : ("SMP" as const),
      agencyId: agency.id,
      lat: u.lat ?? null,
      lon: u.lon ?? null,
    })),
  });
  const units = new Map((await db.unit.findMany()).map((u) => [u.code, u.id]));
  const rows = district.employees.map((e, index) => {
    const birth = new Date(Date.UTC(1970 + (index % 25), index % 12, 1 + (index % 28)));
    return {
      nip: nip(index, birth),
      name: e.name ?? `Pegawai ${index + 1}`,
      unitId: units.get(e.unit)!,
      roleId: roles.get(e.role)!,
      weeklyHours: e.hours,
      birthDate: birth,
      // Those the engine may not move have been at their post for less than the tenure asks.
      postSince: e.movable ? new Date("2015-07-01") : new Date("2026-07-01"),
    };
  });
  for (let at = 0; at < rows.length; at += 10_000)
    await db.employee.createMany({ data: rows.slice(at, at + 10_000) });
  const period = periodOf(FIRST, ZONE);
  await db.workloadReport.createMany({
    data: district.demand.map((d) => ({
      unitId: units.get(d.unit)!,
      roleId: roles.get(d.role)!,
      hoursNeeded: d.hours,
      period,
    })),
  });
}
