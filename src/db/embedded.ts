import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import lockfile from "proper-lockfile";

/**
 * The embedded database belongs to one process. PGlite lets a second process open the same
 * directory and each then writes its own copy (data loss), so the owner holds a lock on the
 * directory and serves its PGlite on a Unix socket for everyone else (the CLI while the bot runs).
 */
export interface EmbeddedOwner {
  pglite: PGlite;
  socketPath: string;
  close(): Promise<void>;
}

export function embeddedPaths(dataDir: string) {
  const dir = path.resolve(dataDir, "pglite");
  // pg connects to "<host>/.s.PGSQL.<port>" when host is a directory.
  return {
    dir,
    lockTarget: dir,
    socketDir: path.resolve(dataDir),
    socketPath: path.resolve(dataDir, ".s.PGSQL.5432"),
  };
}

/** Tries to take the directory; returns null when another process owns it. */
export async function tryOwnEmbedded(
  dataDir: string,
  options: { serve: boolean },
): Promise<EmbeddedOwner | null> {
  const paths = embeddedPaths(dataDir);
  await mkdir(paths.dir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(paths.lockTarget, { stale: 15_000, update: 5_000, realpath: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") return null;
    throw error;
  }
  try {
    const pglite = await PGlite.create(paths.dir);
    let server: PGLiteSocketServer | null = null;
    if (options.serve) {
      // A socket file left by a crashed owner would make listen() fail; we hold the lock, so it is stale.
      if (await exists(paths.socketPath)) await rm(paths.socketPath);
      server = new PGLiteSocketServer({
        db: exclusiveForSocket(pglite) as unknown as PGlite,
        path: paths.socketPath,
        maxConnections: 8,
      });
      await server.start();
    }
    return {
      pglite,
      socketPath: paths.socketPath,
      async close() {
        await server?.stop();
        await pglite.close();
        await rm(paths.socketPath, { force: true });
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * pglite-socket runs each protocol message under PGlite's query mutex only, so a socket client's
 * statement could land inside an in-process transaction (and the reverse). This view makes every
 * socket message also hold PGlite's transaction mutex, and keeps holding it while the socket
 * client's own transaction is open.
 */
function exclusiveForSocket(db: PGlite) {
  let releaseTx: (() => void) | null = null;
  const takeTx = () =>
    new Promise<() => void>((resolve) => {
      void db._runExclusiveTransaction(() => new Promise<void>((done) => resolve(done)));
    });
  const releaseIfIdle = () => {
    if (releaseTx && !db.isInTransaction()) {
      releaseTx();
      releaseTx = null;
    }
  };
  return {
    get waitReady() {
      return db.waitReady;
    },
    isInTransaction: () => db.isInTransaction(),
    async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
      if (!releaseTx) releaseTx = await takeTx();
      try {
        return await db.runExclusive(fn);
      } finally {
        releaseIfIdle();
      }
    },
    execProtocolRawStream: db.execProtocolRawStream.bind(db),
    // Used by pglite-socket to roll back a disconnected client's transaction; we already hold the lock.
    async exec(sql: string) {
      try {
        return await db.runExclusive(() => db.execProtocolRaw(simpleQuery(sql)));
      } finally {
        releaseIfIdle();
      }
    },
  };
}

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const message = Buffer.alloc(5 + text.length);
  message.write("Q", 0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}
