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
 * Issue 25: `kill -9` just as a check's first message reached the HR group. The bot restarted on
 * the same embedded database sent the rest (chart, digest) only after the dead instance's lease
 * lapsed — 63 s of half a check. The data directory's lock proves nobody else runs, so the
 * restarted bot takes what the dead one had claimed at once.
 */
describe("kill -9 in the middle of a check's pushes, then a restart (embedded database)", () => {
  let api: BotApiServer;
  let dataDir: string;
  let bot: ChildProcess | null = null;
  let updateId = 1;

  const env = () => botProcessEnv(api, dataDir, { ADMIN_TELEGRAM_IDS: String(ADMIN) });
  const cli = async (...args: string[]) => (await run(tsx, ["src/cli.ts", ...args], { env: env() })).stdout;

  async function startBot(): Promise<void> {
    bot = await startBotProcess(api, env());
  }

  const toGroup = () =>
    api.calls.filter(
      (c) => c.outcome === "ok" && /^send/.test(c.method) && String(c.payload.chat_id) === String(GROUP),
    );

  beforeAll(async () => {
    api = await startBotApiServer();
    dataDir = await mkdtemp(path.join(tmpdir(), "seimbang-crash-"));
  });
  afterAll(async () => {
    if (bot && bot.exitCode === null) {
      const exited = new Promise((resolve) => bot?.once("exit", resolve));
      bot.kill("SIGTERM");
      await exited;
    }
    await api?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("the restarted bot sends the rest of the check at once, each message once", async () => {
    await startBot();
    expect(await cli("seed", "--demo")).toContain("Seeded the Salor demo");
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
