import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { pgliteAdapter, pgliteTransactionOpener, pgTransactionOpener } from "../../src/db/client.ts";
import { applyMigrations } from "../../src/db/migrate.ts";
import { PrismaClient } from "../../src/generated/prisma/client.ts";

export interface TestDatabase {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** PostgreSQL's connection string, for a child process on the same database; none for PGlite. */
  url?: string;
  /** Empties every table (identities restart) between tests. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export const testBackend: "pglite" | "postgres" =
  process.env.SEIMBANG_TEST_DB === "postgres" ? "postgres" : "pglite";
export const postgresAdminUrl =
  process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function truncateAll(run: (sql: string) => Promise<unknown>, tables: string[]): Promise<void> {
  await run(`TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

const listTables = `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_seimbang_migrations'`;

/** A clean database for a test file: the worker's PGlite in memory, or a fresh PostgreSQL database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  return testBackend === "postgres" ? createPostgres() : createPglite();
}

/**
 * One migrated PGlite per test worker: starting PGlite costs seconds, so with `isolate: false`
 * (vitest.config.ts) every test file in a worker reuses it, emptied when a file takes it and when it
 * gives it back. Each file still gets its own Prisma client. With isolation on, this is per file.
 */
let sharedPglite: Promise<{ pglite: PGlite; tables: string[] }> | null = null;

async function startPglite(): Promise<{ pglite: PGlite; tables: string[] }> {
  const pglite = await PGlite.create();
  await applyMigrations(pgliteTransactionOpener(pglite));
  const tables = (await pglite.query<{ tablename: string }>(listTables)).rows.map((r) => r.tablename);
  return { pglite, tables };
}

async function createPglite(): Promise<TestDatabase> {
  sharedPglite ??= startPglite();
  const { pglite, tables } = await sharedPglite;
  const reset = () => truncateAll((sql) => pglite.exec(sql), tables);
  await reset();
  const prisma = new PrismaClient({ adapter: pgliteAdapter(pglite) });
  return {
    prisma,
    kind: "pglite",
    reset,
    async close() {
      await prisma.$disconnect();
      await reset();
    },
  };
}

async function createPostgres(): Promise<TestDatabase> {
  const name = `seimbang_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  // A copy of the run's migrated template (global-setup.ts); the migration runner below then has
  // nothing left to apply. Without a template (setup not run) the database starts empty.
  const template = inject("postgresTemplate");
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  // Dropping the database WITH (FORCE) at the end terminates clients still closing; pg reports that
  // as an error on the idle client, which is expected here and must not fail the run.
  pool.on("error", () => undefined);
  await applyMigrations(pgTransactionOpener(pool));
  const tables = (await pool.query<{ tablename: string }>(listTables)).rows.map((r) => r.tablename);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    kind: "postgres",
    url: url.toString(),
    reset: () => truncateAll((sql) => pool.query(sql), tables),
    async close() {
      await prisma.$disconnect();
      await pool.end();
      const cleanup = new pg.Client({ connectionString: postgresAdminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * PostgreSQL-backed test files skip only when asked to (`SEIMBANG_SKIP_POSTGRES=1`, on a laptop with
 * no server); in CI a missing server fails them loudly.
 */
export const skipPg = process.env.SEIMBANG_SKIP_POSTGRES === "1" && testBackend === "postgres";

/**
 * The usual database of a test file, with its hooks registered where it is called: created before
 * the file's tests, emptied before each test, closed after them. Read it inside tests and hooks only.
 */
export function useTestDatabase(options: { resetEach?: boolean } = {}): TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());
  // A file that builds its data once for all its tests (a seeded district, a queue to drain) keeps it.
  if (options.resetEach ?? true) beforeEach(async () => database?.reset());
  const current = (): TestDatabase => {
    if (database === undefined) throw new Error("the test database is ready only inside tests and hooks");
    return database;
  };
  return {
    get prisma() {
      return current().prisma;
    },
    get kind() {
      return current().kind;
    },
    get url() {
      return current().url;
    },
    reset: () => current().reset(),
    close: () => current().close(),
  };
}
