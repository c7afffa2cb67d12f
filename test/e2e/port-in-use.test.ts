// Issue 25: PORT already taken gives the operator one line naming the port, exit code 1, and leaves
// the data directory free (no lock held, no stale socket) so the CLI and the next start work.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TOKEN, startBotApiServer, type BotApiServer } from "../support/bot-api-server.ts";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

describe("npm start with PORT in use", () => {
  let api: BotApiServer;
  let dataDir: string;
  let blocker: Server;
  let port = 0;

  beforeAll(async () => {
    api = await startBotApiServer();
    dataDir = await mkdtemp(path.join(tmpdir(), "seimbang-port-"));
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "0.0.0.0", resolve));
    port = (blocker.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => blocker.close(resolve));
    await api?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("says so in one line, exits 1 and releases the data directory", async () => {
    const env = {
      ...process.env,
      BOT_TOKEN: DEFAULT_TOKEN,
      TELEGRAM_API_ROOT: api.url,
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      DATABASE_URL: "",
      PORT: String(port),
    };
    const failed = await run(tsx, ["src/main.ts"], { env }).then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr?.trim().split("\n")).toEqual([
      `Seimbang cannot start: port ${port} is in use; set PORT to a free port (the health and metrics server needs one).`,
    ]);
    expect(existsSync(path.join(dataDir, ".s.PGSQL.5432"))).toBe(false);
    // The lock is released: the CLI opens the directory itself.
    const { stdout } = await run(tsx, ["src/cli.ts", "status", "--json"], { env });
    expect(JSON.parse(stdout)).toMatchObject({ totals: { units: 0 } });
  }, 120_000);
});
