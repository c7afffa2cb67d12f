import { execFile, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotApiServer, type BotApiServer } from "../support/bot-api-server.ts";
import { botProcessEnv, startBotProcess, tsx, waitFor } from "../support/bot-process.ts";

const run = promisify(execFile);
const ADMIN = 515151;
const GROUP = -1009876543210;
/** How long a claimed message stays invisible to other instances (delivery/sender-options.ts). */
const MESSAGE_LEASE_MS = 15_000;

/**
 * The real program: `npm start` as a child process against a Bot API stand-in on 127.0.0.1, the
 * embedded database in a temporary DATA_DIR, and the CLI used at the same time through the bot's socket;
 * then a crash in the middle of a check and a restart.
 */
describe("the bot process and the CLI together (embedded database)", () => {
  let api: BotApiServer;
  let dataDir: string;
  let bot: ChildProcess | null = null;
  let updateId = 1;

  const env = () => botProcessEnv(api, dataDir, { ADMIN_TELEGRAM_IDS: String(ADMIN) });
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

  const toGroup = () =>
    api.calls.filter(
      (c) => c.outcome === "ok" && /^send/.test(c.method) && String(c.payload.chat_id) === String(GROUP),
    );

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

  /**
   * Issue 25: `kill -9` just as a check's first message reached the HR group. The bot restarted on the
   * same embedded database sent the rest (chart, digest) only after the dead instance's lease lapsed —
   * 63 s of half a check. The data directory's lock proves nobody else runs, so the restarted bot
   * takes what the dead one had claimed at once.
   */
  it("kill -9 just after a check's first message reached the group: the restarted bot sends the rest at once, each once", async () => {
    // The bot of the test before runs, on the demo it seeded.
    if (!bot) await startBot();
    // The admin links the HR group, as in a new district.
    api.pushUpdate({
      update_id: updateId++,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        from: { id: ADMIN, is_bot: false, first_name: "Admin", language_code: "id" },
        chat: { id: GROUP, type: "supergroup", title: "Tim Mutasi Disdik" },
        text: "/hubungkan DISDIK",
        entities: [{ type: "bot_command", offset: 0, length: 10 }],
      },
    });
    await waitFor(() => toGroup().some((c) => String(c.payload.text).includes("sekarang grup HR")), 30_000);
    const linked = toGroup().length;

    // The check's alert, chart and digest are queued; the group's pace (20 a minute) spaces them.
    expect(await cli("check", "--post")).toContain("proposals created");
    await waitFor(() => toGroup().length > linked, 60_000);
    // The bot marks a message sent once Telegram has answered it: killed between the two, it sends that
    // one again (the one message on the wire). A second later the first is marked, and the next still
    // waits for the group's pace (3 s).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    bot?.kill("SIGKILL");
    const killedAt = Date.now();
    await new Promise((resolve) => bot?.once("exit", resolve));
    const beforeCrash = toGroup().length - linked;

    const getMes = api.calls.filter((c) => c.method === "getMe").length;
    await startBot();
    // The restarted bot is up when it first asks Telegram who it is (its sender starts right after).
    const up = api.calls.filter((c) => c.method === "getMe")[getMes]?.at ?? Infinity;
    // The rest: everything the check queued for the group, its digest last.
    await waitFor(() => toGroup().some((c) => String(c.payload.text).includes("Usulan mutasi —")), 60_000);
    const check = toGroup().slice(linked);
    const methods = check.map((c) => c.method);
    expect(beforeCrash).toBeGreaterThanOrEqual(1);
    expect(methods).toContain("sendPhoto");
    // Each once: the only message that could go twice is one on the wire at the kill (none here: the
    // kill came right after the first message was answered, while the rest waited for the group's pace).
    const keys = check.map((c) => `${c.method}:${String(c.payload.text ?? c.payload.caption ?? "")}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Not the dead instance's lease (it would lapse 15 s after the claim, made before the kill, so
    // 15 s less the restart after the new bot is up): the first of the rest goes as soon as the
    // restarted bot runs, the others at the group's pace.
    const firstRest = (check[beforeCrash]?.at ?? Infinity) - up;
    const lastRest = (check.at(-1)?.at ?? Infinity) - up;
    expect(firstRest).toBeLessThan(3_000);
    expect(lastRest).toBeLessThan(MESSAGE_LEASE_MS);
    process.stdout.write(
      `crash-restart: ${beforeCrash} message(s) before kill -9; the new bot was up ${up - killedAt} ms after it; ` +
        `the first of the rest ${firstRest} ms later, all ${check.length - beforeCrash} within ${lastRest} ms\n`,
    );
  }, 300_000);
});
