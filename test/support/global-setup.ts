import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { pgTransactionOpener } from "../../src/db/client.ts";
import { applyMigrations } from "../../src/db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated database that each test file's PostgreSQL database is copied from. */
    postgresTemplate: string | null;
  }
}

/**
 * The PostgreSQL project needs the local server. In CI its absence is a failure, said loudly;
 * on a laptop without one those tests are skipped with a clear message.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  project.provide("postgresTemplate", null);
  // The project's `env` reaches its test workers, not this process: read it from the project.
  if (project.config.env?.SEIMBANG_TEST_DB !== "postgres") return undefined;
  const url = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
  } catch (error) {
    const message = `PostgreSQL is not reachable at ${url} (${(error as Error).message}).`;
    if (process.env.CI) {
      throw new Error(`${message} CI must run the suite against PostgreSQL: start the server.`, {
        cause: error,
      });
    }
    console.warn(
      `\n⚠ ${message} Skipping the PostgreSQL run; set TEST_POSTGRES_URL or start PostgreSQL to include it.\n`,
    );
    process.env.SEIMBANG_SKIP_POSTGRES = "1";
    return undefined;
  }
  return createTemplate(project, url);
}

/**
 * Migrations run once per run, into a template; each test file's database is then
 * `CREATE DATABASE … TEMPLATE` it (test/support/db.ts). Dropped when the run ends.
 */
async function createTemplate(project: TestProject, adminUrl: string): Promise<() => Promise<void>> {
  const name = `seimbang_template_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // A template must have no open connections when it is copied: migrate, then close the pool.
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  try {
    await applyMigrations(pgTransactionOpener(pool));
  } finally {
    await pool.end();
  }
  project.provide("postgresTemplate", name);
  return () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
