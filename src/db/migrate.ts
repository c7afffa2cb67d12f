import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Umzug, type UmzugStorage } from "umzug";

/** Runs SQL (possibly several statements) inside the migration transaction. */
export type SqlRunner = (sql: string) => Promise<Array<Record<string, unknown>>>;

/** Opens one transaction on whichever database and hands its runner over. */
export type TransactionOpener = (work: (run: SqlRunner) => Promise<void>) => Promise<void>;

export const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

// Any constant; two instances starting together queue on it, so migrations run once.
const MIGRATION_LOCK_KEY = 7_310_452_019;

function tableStorage(run: SqlRunner): UmzugStorage {
  return {
    async executed() {
      const rows = await run(`SELECT name FROM "_seimbang_migrations" ORDER BY name`);
      return rows.map((row) => String(row.name));
    },
    async logMigration({ name }) {
      await run(`INSERT INTO "_seimbang_migrations" (name) VALUES ('${name.replaceAll("'", "''")}')`);
    },
    async unlogMigration({ name }) {
      await run(`DELETE FROM "_seimbang_migrations" WHERE name = '${name.replaceAll("'", "''")}'`);
    },
  };
}

/** Applies prisma/migrations/<name>/migration.sql in order, once, under an advisory lock. Returns what ran. */
export async function applyMigrations(openTransaction: TransactionOpener, dir = migrationsDir): Promise<string[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const applied: string[] = [];
  await openTransaction(async (run) => {
    await run(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await run(
      `CREATE TABLE IF NOT EXISTS "_seimbang_migrations" (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const umzug = new Umzug({
      migrations: names.map((name) => ({
        name,
        up: async () => {
          await run(await readFile(path.join(dir, name, "migration.sql"), "utf8"));
        },
      })),
      storage: tableStorage(run),
      logger: undefined,
    });
    const done = await umzug.up();
    applied.push(...done.map((m) => m.name));
  });
  return applied;
}
