// What the bot benchmarks share (bench/bot.ts, bench/bot-pace.ts): the two databases, a seeded SD
// with its heads, and updates as Telegram sends them.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import type { Update } from "telegraf/types";
import { pgliteAdapter, pgliteTransactionOpener, pgTransactionOpener } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrate.ts";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { testBotInfo } from "../test/support/telegram.ts";

const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface Backend {
  name: "PGlite" | "PostgreSQL";
  prisma: PrismaClient;
  /** Statements sent to the database since the last reset (for the per-update profile). */
  queries: { count: number; enabled: boolean };
  close(): Promise<void>;
}

// ---------------------------------------------------------------- databases

function countingClient(adapter: SqlDriverAdapterFactory) {
  const queries = { count: 0, enabled: false };
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", () => {
    if (queries.enabled) queries.count += 1;
  });
  return { prisma, queries };
}

export async function openPglite(): Promise<Backend> {
  const pglite = await PGlite.create();
  await applyMigrations(pgliteTransactionOpener(pglite));
  const { prisma, queries } = countingClient(pgliteAdapter(pglite));
  return {
    name: "PGlite",
    prisma,
    queries,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

export async function openPostgres(): Promise<Backend | null> {
  const name = `seimbang_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    process.stderr.write(
      `PostgreSQL not reachable at ${POSTGRES_ADMIN_URL} (${(error as Error).message}); skipping it.\n`,
    );
    return null;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  // The pool size main.ts uses in production.
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  await applyMigrations(pgTransactionOpener(pool));
  const { prisma, queries } = countingClient(new PrismaPg(pool));
  return {
    name: "PostgreSQL",
    prisma,
    queries,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      const cleanup = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

// ---------------------------------------------------------------- updates

/** The bot as the stand-in introduces it (the tests' own getMe answer). */
export const botInfo = testBotInfo;

let nextUpdateId = 1;
let nextMessageId = 1;

export function person(i: number) {
  return { id: 100_000 + i, is_bot: false as const, first_name: `Kepala ${i}`, language_code: "id" };
}

export function text(i: number, body: string): Update {
  const from = person(i);
  const command = /^\/\S+/.exec(body);
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      from,
      chat: { id: from.id, type: "private", first_name: from.first_name },
      text: body,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    },
  } as Update;
}

export function press(i: number, data: string, messageId = 1): Update {
  const from = person(i);
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: String(nextUpdateId),
      from,
      chat_instance: "bench",
      data,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: from.id, type: "private" },
        text: "…",
      },
    },
  } as Update;
}

/** One SD with a role to report on and `count` unit heads (ids person(0..count-1)). */
export async function seed(prisma: PrismaClient, count: number): Promise<void> {
  const agency = await prisma.agency.create({ data: { code: "DISDIK", name: "Dinas Pendidikan Merauke" } });
  const role = await prisma.role.create({
    data: {
      code: "GURU_KELAS",
      name: "Guru Kelas SD",
      standardHours: 24,
      retirementAge: 60,
      isTeacher: true,
      hoursPerRombel: 24,
    },
  });
  const sd = await prisma.unit.create({
    data: { code: "SDN-01", name: "SD Negeri 1 Salor", kind: "SD", agencyId: agency.id },
  });
  // The vacancy conversation offers the roles the unit has staff in.
  await prisma.employee.create({
    data: {
      nip: "197803152005011002",
      name: "Budi Santoso",
      unitId: sd.id,
      roleId: role.id,
      weeklyHours: 24,
      birthDate: new Date("1978-03-15"),
      postSince: new Date("2012-01-01"),
    },
  });
  await prisma.user.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      telegramId: BigInt(person(i).id),
      name: `Kepala ${i}`,
      role: "UNIT_HEAD" as const,
      unitId: sd.id,
      agencyId: agency.id,
    })),
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export function parseMarkup(
  value: unknown,
): { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> } | null {
  if (typeof value === "string") return JSON.parse(value) as ReturnType<typeof parseMarkup>;
  return (value as ReturnType<typeof parseMarkup>) ?? null;
}
