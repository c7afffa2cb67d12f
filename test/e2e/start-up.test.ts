import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TOKEN, startBotApiServer, type BotApiServer } from "../support/bot-api-server.ts";
import { expectRefusal } from "../support/refusals.ts";
import { MAIN, waitFor } from "../support/bot-process.ts";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");
const SECRET = "e2e_webhook_secret_0123456789";

/**
 * Start-up as an operator sees it: `npm start` as a child process while the Bot API stand-in answers
 * 500 to the first calls of each start-up method. The process must not die: /healthz says
 * "starting" meanwhile, then the bot works; SIGTERM while it retries exits cleanly.
 */
describe("start-up rides out Telegram's 500s", () => {
  let api: BotApiServer | null = null;
  let dataDir: string;
  let child: ChildProcess | null = null;
  let stdout = "";
  let stderr = "";
  let port = 0;

  async function start(failFirst: Record<string, number>, extraEnv: Record<string, string> = {}) {
    api = await startBotApiServer({ failFirst });
    port = await freePort();
    stdout = "";
    stderr = "";
    child = spawn(process.execPath, MAIN, { env: env(api, extraEnv), stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    return api;
  }

  const env = (server: BotApiServer, extra: Record<string, string> = {}) => ({
    ...process.env,
    BOT_TOKEN: DEFAULT_TOKEN,
    TELEGRAM_API_ROOT: server.url,
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    DATABASE_URL: "",
    PORT: String(port),
    ...extra,
  });

  function exited(): Promise<number | null> {
    const proc = child;
    if (!proc) return Promise.resolve(null);
    if (proc.exitCode !== null) return Promise.resolve(proc.exitCode);
    return new Promise((resolve) => proc.once("exit", (code) => resolve(code)));
  }

  /** Polls /healthz every 100 ms, keeping what it answered ("starting" / "ok" / "down"). */
  function watchHealth() {
    const seen: string[] = [];
    let starting: Record<string, unknown> | null = null;
    let on = true;
    const loop = (async () => {
      while (on) {
        const answer = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null);
        if (answer) {
          const body = (await answer.json()) as { ok: boolean; status?: string };
          if (body.status === "starting") starting ??= body;
          seen.push(`${answer.status} ${body.status ?? (body.ok ? "ok" : "unhealthy")}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    return {
      seen,
      startingReport: () => starting,
      stop: async () => {
        on = false;
        await loop;
      },
    };
  }

  const count = (method: string, outcome?: string) =>
    api?.calls.filter((c) => c.method === method && (!outcome || c.outcome === outcome)).length ?? 0;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "seimbang-start-up-"));
  });
  afterEach(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await exited();
    child = null;
    await api?.close();
    api = null;
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("answers within 30 s when getMe, setMyCommands and deleteWebhook each fail twice; /healthz said starting", async () => {
    const server = await start({ getMe: 2, setMyCommands: 2, deleteWebhook: 2 });
    const health = watchHealth();
    await waitFor(() => count("getMe") >= 1, 90_000);
    const firstCall = Date.now();
    // Running once deleteWebhook succeeded and polling began (the stand-in records a getUpdates
    // only when its long poll ends, so the /start reply below is what shows polling works).
    await waitFor(() => health.seen.at(-1) === "200 ok", 30_000);
    await health.stop();
    expect(health.seen).toContain("503 starting");
    expect(health.seen.indexOf("503 starting")).toBeLessThan(health.seen.indexOf("200 ok"));
    // The usual fields are still there while starting.
    expect(health.startingReport()).toMatchObject({ ok: false, database: "up", outboxBacklog: 0 });
    expect(count("getMe", "fault-500")).toBe(2);
    expect(count("deleteWebhook", "fault-500")).toBe(2);
    // One log line per try, naming the method, the attempt and the wait.
    const tries = stdout
      .split("\n")
      .filter((line) => line.includes('"method":"getMe"'))
      .map((line) => JSON.parse(line) as { attempt: number; waitMs: number; error: string });
    expect(tries.map((t) => t.attempt)).toEqual([1, 2]);
    expect(tries[0]?.error).toBe("500: Internal Server Error");

    // An unregistered person's /start is answered.
    server.pushUpdate({
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        from: { id: 515151, is_bot: false, first_name: "Agnes", language_code: "id" },
        chat: { id: 515151, type: "private", first_name: "Agnes" },
        text: "/start",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    });
    await waitFor(() => server.delivered().some((c) => Number(c.payload.chat_id) === 515151), 30_000);
    const reply = server.delivered().find((c) => Number(c.payload.chat_id) === 515151);
    expect(String(reply?.payload.text)).toContain("Selamat datang di <b>Seimbang</b>");
    expect(Date.now() - firstCall).toBeLessThan(30_000);
    expect(count("getUpdates")).toBeGreaterThanOrEqual(1);
    // The menu was registered in the end, though it failed at first.
    await waitFor(() => count("setMyCommands", "ok") >= 2, 30_000);

    child?.kill("SIGTERM");
    expect(await exited()).toBe(0);
  }, 180_000);

  it("exits 0 on SIGTERM while it retries getMe, and leaves the database unlocked", async () => {
    const server = await start({ getMe: 1000 });
    const health = watchHealth();
    await waitFor(() => count("getMe") >= 2 && health.seen.includes("503 starting"), 90_000);
    await health.stop();
    const signalled = Date.now();
    child?.kill("SIGTERM");
    expect(await exited()).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(8_000);
    expect(count("getUpdates")).toBe(0);
    // With no bot running the CLI opens the directory itself, which needs the lock released.
    const status = await run(tsx, ["src/cli.ts", "status", "--json"], { env: env(server) });
    expect(JSON.parse(status.stdout)).toHaveProperty("units");
  }, 180_000);

  it("does not retry a wrong token: exits 1 and names @BotFather", async () => {
    await start({}, { BOT_TOKEN: "123456789:WRONG-token-that-telegram-does-not-know" });
    expect(await exited()).toBe(1);
    expect(stderr).toMatch(/refused getMe \(401: Unauthorized\)[\s\S]*@BotFather/);
    expect(stdout).not.toContain("trying again");
    if (api) expectRefusal(api, /Unauthorized/);
  }, 120_000);

  it("in webhook mode retries setWebhook, then takes updates on its webhook", async () => {
    const server = await start(
      { setWebhook: 2 },
      {
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://bot.example.go.id/telegram/hook",
        WEBHOOK_SECRET: SECRET,
      },
    );
    await waitFor(() => count("setWebhook", "ok") === 1, 90_000);
    expect(count("setWebhook", "fault-500")).toBe(2);
    const health = watchHealth();
    await waitFor(() => health.seen.at(-1) === "200 ok", 10_000);
    await health.stop();
    const answer = await fetch(`http://127.0.0.1:${port}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify({
        update_id: 900,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          from: { id: 525252, is_bot: false, first_name: "Benny", language_code: "id" },
          chat: { id: 525252, type: "private", first_name: "Benny" },
          text: "/start",
          entities: [{ type: "bot_command", offset: 0, length: 6 }],
        },
      }),
    });
    expect(answer.status).toBe(200);
    expect(server.delivered().some((c) => Number(c.payload.chat_id) === 525252)).toBe(true);
    child?.kill("SIGTERM");
    expect(await exited()).toBe(0);
  }, 180_000);
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
