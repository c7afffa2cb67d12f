import { setTimeout as sleep } from "node:timers/promises";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient, type Prisma } from "../generated/prisma/client.ts";
import { embeddedPaths, tryOwnEmbedded, type EmbeddedOwner } from "./embedded.ts";
import { applyMigrations, type TransactionOpener } from "./migrate.ts";

export type Db = PrismaClient;
/** A use case takes either the client or an open transaction. */
export type DbTx = PrismaClient | Prisma.TransactionClient;

export interface Database {
  prisma: PrismaClient;
  /** "postgres" (DATABASE_URL), "embedded" (this process owns DATA_DIR), "embedded-socket" (through the owner). */
  kind: "postgres" | "embedded" | "embedded-socket";
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** The bot serves its embedded database to the CLI; the CLI does not need to. */
  serveSocket?: boolean;
  /** How long to wait for the owner's socket or for the lock (ms). */
  waitMs?: number;
  /** Told when PostgreSQL drops an idle connection (the pool replaces it). */
  onPoolError?: (error: Error) => void;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, "postgres", options.onPoolError);
  const waitUntil = Date.now() + (options.waitMs ?? 20_000);
  for (;;) {
    const owner = await tryOwnEmbedded(options.dataDir, { serve: options.serveSocket ?? false });
    if (owner) return openOwned(owner);
    const viaSocket = await tryOwnerSocket(options.dataDir);
    if (viaSocket) return viaSocket;
    if (Date.now() > waitUntil) {
      throw new Error(
        `The embedded database in ${embeddedPaths(options.dataDir).dir} is held by another process that does not serve it. ` +
          "Stop that process (or wait for it to finish) and try again.",
      );
    }
    await sleep(250);
  }
}

export function pgliteTransactionOpener(pglite: PGlite): TransactionOpener {
  return async (work) => {
    await pglite.transaction(async (tx) => {
      await work(async (sql) => {
        const results = await tx.exec(sql);
        return (results.at(-1)?.rows ?? []) as Array<Record<string, unknown>>;
      });
    });
  };
}

export function pgTransactionOpener(pool: pg.Pool): TransactionOpener {
  return async (work) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await work(async (sql) => {
        const result = (await client.query(sql)) as pg.QueryResult | pg.QueryResult[];
        const last = Array.isArray(result) ? result.at(-1) : result;
        return (last?.rows ?? []) as Array<Record<string, unknown>>;
      });
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}

function openOwned(owner: EmbeddedOwner): Database {
  const prisma = new PrismaClient({ adapter: pgliteAdapter(owner.pglite) });
  return {
    prisma,
    kind: "embedded",
    migrate: () => applyMigrations(pgliteTransactionOpener(owner.pglite)),
    async close() {
      await prisma.$disconnect();
      await owner.close();
    },
  };
}

async function tryOwnerSocket(dataDir: string): Promise<Database | null> {
  const { socketDir } = embeddedPaths(dataDir);
  const probe = new pg.Client({ host: socketDir, port: 5432, user: "postgres", database: "postgres" });
  try {
    await probe.connect();
    await probe.end();
  } catch {
    return null;
  }
  return openPostgres(
    { host: socketDir, port: 5432, user: "postgres", database: "postgres", max: 1 },
    "embedded-socket",
  );
}

function openPostgres(
  connection: string | pg.PoolConfig,
  kind: Database["kind"],
  onPoolError?: (error: Error) => void,
): Database {
  const poolConfig: pg.PoolConfig =
    typeof connection === "string" ? { connectionString: connection, max: 10 } : connection;
  const pool = new pg.Pool(poolConfig);
  // An idle connection that the server drops (restart, failover) is an "error" event on the pool;
  // without a listener it would take the process down. pg discards that client and the next query
  // opens a new one, so it is only worth a log line.
  pool.on("error", (error) => onPoolError?.(error));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    kind,
    migrate: () => applyMigrations(pgTransactionOpener(pool)),
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

/**
 * pglite-prisma-adapter 0.6.1 is typed against driver-adapter-utils 6.10 while Prisma is 6.19; the
 * runtime contract is the same (checked by the test suite), only the nominal types differ.
 */
export function pgliteAdapter(pglite: PGlite): SqlDriverAdapterFactory {
  return new PrismaPGlite(pglite) as unknown as SqlDriverAdapterFactory;
}
