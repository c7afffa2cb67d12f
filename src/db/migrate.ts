import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Runs SQL (possibly several statements) inside the migration transaction. */
export type SqlRunner = (sql: string) => Promise<Array<Record<string, unknown>>>;

/** Opens one transaction on whichever database and hands its runner over. */
export type TransactionOpener = (work: (run: SqlRunner) => Promise<void>) => Promise<void>;

export const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

// Any constant; two instances starting together queue on it, so migrations run once.
const MIGRATION_LOCK_KEY = 7_310_452_019;

/** Applies prisma/migrations/<name>/migration.sql in order, each once, under an advisory lock. Returns what ran. */
export async function applyMigrations(
  openTransaction: TransactionOpener,
  dir = migrationsDir,
): Promise<string[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  // Read before the transaction opens: PGlite is single-session, nothing else runs while it is open.
  const sqlByName = new Map(
    await Promise.all(
      names.map(
        async (name) => [name, await readFile(path.join(dir, name, "migration.sql"), "utf8")] as const,
      ),
    ),
  );
  const applied: string[] = [];
  // One transaction per migration: a value added to an enum can only be used once it is committed.
  for (const name of names) {
    await openTransaction(async (run) => {
      await run(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      await run(
        `CREATE TABLE IF NOT EXISTS "_seimbang_migrations" (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const quoted = name.replaceAll("'", "''");
      const done = await run(`SELECT name FROM "_seimbang_migrations" WHERE name = '${quoted}'`);
      if (done.length > 0) return;
      await run(sqlByName.get(name)!);
      await run(`INSERT INTO "_seimbang_migrations" (name) VALUES ('${quoted}')`);
      applied.push(name);
    });
  }
  return applied;
}
