import { execFile, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiServer, type BotApiServer } from "../support/bot-api-server.ts";
import { botProcessEnv, startBotProcess, tsx, waitFor } from "../support/bot-process.ts";

const run = promisify(execFile);

/**
 * The real program: `npm start` as a child process against a Bot API stand-in on 127.0.0.1, the
 * embedded database in a temporary DATA_DIR, and the CLI used at the same time through the bot's socket.
 */
describe("the bot process and the CLI together (embedded database)", () => {
  let api: BotApiServer;
  let dataDir: string;
  let bot: ChildProcess | null = null;
  let updateId = 1;

  const env = () => botProcessEnv(api, dataDir);
  const cli = async (...args: string[]) => (await run(tsx, ["src/cli.ts", ...args], { env: env() })).stdout;

  async function startBot(): Promise<void> {
    bot = await startBotProcess(api, env());
  }

  async function stopBot(): Promise<number | null> {
    const child = bot;
    bot = null;
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    return exited;
  }

  function sendText(from: { id: number; first_name: string }, text: string) {
    const command = /^\/\S+/.exec(text);
    api.pushUpdate({
      update_id: updateId++,
      message: {
        message_id: updateId,
        date: Math.floor(Date.now() / 1000),
        from: { ...from, is_bot: false, language_code: "id" },
        chat: { id: from.id, type: "private", first_name: from.first_name },
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      },
    });
  }

  const repliesTo = (chatId: number) =>
    api.calls
      .filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === chatId)
      .map((c) => String(c.payload.text));

  beforeAll(async () => {
    api = await startBotApiServer();
    dataDir = await mkdtemp(path.join(tmpdir(), "seimbang-e2e-"));
  });
  afterAll(async () => {
    await stopBot();
    await api?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("refuses to start without BOT_TOKEN and says where to get one", async () => {
    const result = await run(tsx, ["src/main.ts"], { env: { ...env(), BOT_TOKEN: "" } }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr).toMatch(/BOT_TOKEN[\s\S]*@BotFather/);
  });

  it("answers /start, binds an invite made by the CLI while it runs, refuses it twice, keeps data across a restart", async () => {
    await startBot();
    expect(api.calls.some((c) => c.method === "setMyCommands")).toBe(true);

    // The CLI works while the bot owns the database: it goes through the bot's socket.
    expect(await cli("seed", "--demo")).toContain("Seeded the Salor demo");
    const invite = await cli("invite", "unit", "SDN-01");
    const code = /Code: (\w+)/.exec(invite)?.[1];
    expect(invite).toContain("https://t.me/seimbang_test_bot?start=");
    expect(code).toBeDefined();

    const head = { id: 424242, first_name: "Maria" };
    sendText(head, "/start");
    await waitFor(() => repliesTo(head.id).length === 1, 30_000);
    expect(repliesTo(head.id)[0]).toContain("Selamat datang di <b>Seimbang</b>");

    sendText(head, `/start ${code}`);
    await waitFor(() => repliesTo(head.id).length === 2, 30_000);
    expect(repliesTo(head.id)[1]).toContain("kepala unit <b>SD Negeri 1 Salor</b>");

    const other = { id: 434343, first_name: "Yosef" };
    sendText(other, `/start ${code}`);
    await waitFor(() => repliesTo(other.id).length === 1, 30_000);
    expect(repliesTo(other.id)[0]).toContain("sudah dipakai");

    const status = JSON.parse(await cli("status", "--json")) as {
      units: Array<{ code: string; ratio: number | null }>;
      users: Array<{ role: string; count: number }>;
    };
    expect(status.units.find((u) => u.code === "SDN-01")?.ratio).toBeGreaterThan(1);
    expect(status.users).toContainEqual({ role: "UNIT_HEAD", count: 1 });

    expect(await stopBot()).toBe(0);
    // Data survives a restart; with no bot running the CLI opens the directory itself.
    const after = JSON.parse(await cli("status", "--json")) as {
      users: Array<{ role: string; count: number }>;
    };
    expect(after.users).toContainEqual({ role: "UNIT_HEAD", count: 1 });
    await startBot();
    sendText(head, "/start");
    await waitFor(() => repliesTo(head.id).length === 3, 30_000);
    expect(repliesTo(head.id)[2]).toContain("Anda kepala unit <b>SD Negeri 1 Salor</b>");
  }, 300_000);
});
