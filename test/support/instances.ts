import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { pgliteAdapter, pgliteTransactionOpener, pgTransactionOpener } from "../../src/db/client.ts";
import { applyMigrations } from "../../src/db/migrate.ts";
import { PrismaClient } from "../../src/generated/prisma/client.ts";
import { postgresAdminUrl, testBackend } from "./db.ts";

export interface SharedDatabase {
  /** Two clients, each with its own connections, on one database: two instances of the bot. */
  instances: [PrismaClient, PrismaClient];
  close(): Promise<void>;
}

/** One database reached by two independent clients (own pools on PostgreSQL). */
export async function createSharedDatabase(): Promise<SharedDatabase> {
  if (testBackend === "pglite") {
    const pglite = await PGlite.create();
    await applyMigrations(pgliteTransactionOpener(pglite));
    const instances: [PrismaClient, PrismaClient] = [
      new PrismaClient({ adapter: pgliteAdapter(pglite) }),
      new PrismaClient({ adapter: pgliteAdapter(pglite) }),
    ];
    return {
      instances,
      async close() {
        await Promise.all(instances.map((p) => p.$disconnect()));
        await pglite.close();
      },
    };
  }
  const name = `seimbang_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const pools = [
    new pg.Pool({ connectionString: url.toString(), max: 5 }),
    new pg.Pool({ connectionString: url.toString(), max: 5 }),
  ];
  // The final DROP ... WITH (FORCE) may terminate a client still closing: expected, not a failure.
  for (const pool of pools) pool.on("error", () => undefined);
  await applyMigrations(pgTransactionOpener(pools[0]!));
  const instances: [PrismaClient, PrismaClient] = [
    new PrismaClient({ adapter: new PrismaPg(pools[0]!) }),
    new PrismaClient({ adapter: new PrismaPg(pools[1]!) }),
  ];
  return {
    instances,
    async close() {
      await Promise.all(instances.map((p) => p.$disconnect()));
      await Promise.all(pools.map((p) => p.end()));
      const cleanup = new pg.Client({ connectionString: postgresAdminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
