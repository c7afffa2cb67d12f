import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { Telegraf, TelegramError } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  backoffMs,
  keepCommandMenuRegistered,
  pollUpdates,
  retryTelegramCall,
  TelegramRefusedError,
  TelegramUnavailableError,
  type Sleep,
} from "../../src/bot/start-up.ts";
import { startBotApiServer, type BotApiServer } from "../support/bot-api-server.ts";
import { expectRefusal } from "../support/refusals.ts";

const telegramError = (code: number, description: string, retryAfter?: number) =>
  new TelegramError({
    error_code: code,
    description,
    ...(retryAfter !== undefined ? { parameters: { retry_after: retryAfter } } : {}),
  });

/** Records the waits asked for and returns at once; a wait given an aborted signal rejects. */
function fakeSleep() {
  const waits: number[] = [];
  const sleep: Sleep = async (ms, signal) => {
    waits.push(ms);
    signal?.throwIfAborted();
  };
  return { waits, sleep };
}

function fakeLogger() {
  const lines: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
  const log = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push({ level, fields, message });
  };
  return { lines, logger: { warn: log("warn"), info: log("info"), error: log("error") } as never };
}

/** A call that fails with the given errors in turn, then answers `result`. */
function failing<T>(errors: unknown[], result: T) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    call: async () => {
      calls += 1;
      if (calls <= errors.length) throw errors[calls - 1];
      return result;
    },
  };
}

describe("retryTelegramCall", () => {
  it("waits out a 429 for exactly retry_after seconds, then answers", async () => {
    const { waits, sleep } = fakeSleep();
    const { lines, logger } = fakeLogger();
    const getMe = failing([telegramError(429, "Too Many Requests: retry after 7", 7)], { id: 1 });
    await expect(retryTelegramCall("getMe", getMe.call, { logger, sleep })).resolves.toEqual({ id: 1 });
    expect(waits).toEqual([7000]);
    expect(lines).toEqual([
      expect.objectContaining({
        level: "warn",
        fields: { method: "getMe", attempt: 1, waitMs: 7000, error: "429: Too Many Requests: retry after 7" },
      }),
    ]);
  });

  it("backs off on 5xx from 1 s doubling, never above 30 s, one log line per try", async () => {
    const { waits, sleep } = fakeSleep();
    const { lines, logger } = fakeLogger();
    const errors = Array.from({ length: 9 }, () => telegramError(502, "Bad Gateway"));
    const getMe = failing(errors, true);
    await retryTelegramCall("getMe", getMe.call, { logger, sleep, random: () => 1 });
    expect(getMe.calls).toBe(10);
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
    expect(lines.map((l) => l.fields.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(lines[5]?.message).toBe("Telegram getMe failed; trying again in 30 s");
  });

  it("jitters each wait within 80–100 % of its step, so restarted instances spread out", () => {
    expect(backoffMs(1, 1000, 30_000, () => 0)).toBe(800);
    expect(backoffMs(3, 1000, 30_000, () => 0.5)).toBe(3600);
    expect(backoffMs(40, 1000, 30_000, () => 0.999)).toBeLessThanOrEqual(30_000);
  });

  it("retries a network error (nothing listening) through telegraf's real client", async () => {
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, "127.0.0.1", resolve));
    const { port } = free.address() as AddressInfo;
    await new Promise<void>((resolve) => free.close(() => resolve()));
    const bot = new Telegraf("123:abc", { telegram: { apiRoot: `http://127.0.0.1:${port}` } });
    const { waits, sleep } = fakeSleep();
    const { lines, logger } = fakeLogger();
    await expect(
      retryTelegramCall("getMe", () => bot.telegram.getMe(), { logger, sleep, maxAttempts: 3 }),
    ).rejects.toBeInstanceOf(TelegramUnavailableError);
    expect(waits).toHaveLength(2);
    expect(String(lines[0]?.fields.error)).toMatch(/ECONNREFUSED/);
  });

  it("does not retry a 401: it stops with a message naming @BotFather", async () => {
    const { waits, sleep } = fakeSleep();
    const { lines, logger } = fakeLogger();
    const getMe = failing([telegramError(401, "Unauthorized")], true);
    const outcome = retryTelegramCall("getMe", getMe.call, { logger, sleep });
    await expect(outcome).rejects.toBeInstanceOf(TelegramRefusedError);
    await expect(outcome).rejects.toThrow(/getMe \(401: Unauthorized\).*@BotFather/);
    expect(getMe.calls).toBe(1);
    expect(waits).toEqual([]);
    expect(lines).toEqual([]);
  });

  it("stops at once when aborted during a wait, without another try", async () => {
    const { logger } = fakeLogger();
    const controller = new AbortController();
    const getMe = failing(
      Array.from({ length: 5 }, () => telegramError(500, "Internal Server Error")),
      true,
    );
    // The real sleep: the abort must end a 30-second wait long before it runs out.
    const started = Date.now();
    const outcome = retryTelegramCall("getMe", getMe.call, {
      logger,
      signal: controller.signal,
      baseDelayMs: 30_000,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(outcome).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(getMe.calls).toBe(1);
  });
});

describe("against the Bot API stand-in", () => {
  let api: BotApiServer;
  beforeAll(async () => {
    api = await startBotApiServer({ failFirst: { getMe: 2, setMyCommands: 4, deleteWebhook: 1 } });
  });
  afterAll(async () => api?.close());

  it("getMe answers on the third try after two 500s", async () => {
    const bot = new Telegraf(api.token, { telegram: { apiRoot: api.url } });
    const { waits, sleep } = fakeSleep();
    const { logger } = fakeLogger();
    const me = await retryTelegramCall("getMe", () => bot.telegram.getMe(), { logger, sleep });
    expect(me.username).toBe("seimbang_test_bot");
    expect(api.calls.filter((c) => c.method === "getMe").map((c) => c.outcome)).toEqual([
      "fault-500",
      "fault-500",
      "ok",
    ]);
    expect(waits).toHaveLength(2);
  });

  it("the command menu gives up a round after its tries, then succeeds in a later round", async () => {
    const bot = new Telegraf(api.token, { telegram: { apiRoot: api.url } });
    const { waits, sleep } = fakeSleep();
    const { lines, logger } = fakeLogger();
    const registered = await keepCommandMenuRegistered({
      logger,
      sleep,
      random: () => 1,
      register: async () => {
        await bot.telegram.setMyCommands([{ command: "start", description: "Mulai" }]);
      },
    });
    expect(registered).toBe(true);
    // Round one: 3 tries (1 s, 2 s between); then 5 minutes; round two: 500, then ok.
    expect(waits).toEqual([1000, 2000, 300_000, 1000]);
    expect(lines.filter((l) => l.message.includes("runs without it"))).toHaveLength(1);
    expect(api.calls.filter((c) => c.method === "setMyCommands").at(-1)?.outcome).toBe("ok");
  });

  it("the command menu stops trying when the bot shuts down", async () => {
    const { logger } = fakeLogger();
    const controller = new AbortController();
    const sleep: Sleep = async (_ms, signal) => {
      controller.abort();
      signal?.throwIfAborted();
    };
    const register = failing([telegramError(500, "Internal Server Error")], undefined);
    await expect(
      keepCommandMenuRegistered({ logger, sleep, signal: controller.signal, register: register.call }),
    ).resolves.toBe(false);
    expect(register.calls).toBe(1);
  });

  it("polling retries a 500 from launch()'s deleteWebhook and then reads updates", async () => {
    const bot = new Telegraf(api.token, { telegram: { apiRoot: api.url } });
    bot.botInfo = await bot.telegram.getMe();
    const seen: number[] = [];
    bot.on("message", (ctx) => {
      seen.push(ctx.message.message_id);
      bot.stop("test");
    });
    const { waits, sleep } = fakeSleep();
    const { lines, logger } = fakeLogger();
    api.pushUpdate({
      message: { message_id: 5, date: 0, chat: { id: 1, type: "private" }, text: "hai" },
    });
    await pollUpdates(bot, { logger, sleep });
    expect(seen).toEqual([5]);
    expect(waits).toHaveLength(1);
    expect(lines[0]?.fields).toMatchObject({ method: "deleteWebhook", attempt: 1 });
  });

  it("polling rides out a 500 from getUpdates (telegraf's own wait) and reads the update after it", async () => {
    const flaky = await startBotApiServer({ failFirst: { getUpdates: 1 } });
    try {
      const bot = new Telegraf(flaky.token, { telegram: { apiRoot: flaky.url } });
      bot.botInfo = await bot.telegram.getMe();
      bot.on("message", () => bot.stop("test"));
      flaky.pushUpdate({
        message: { message_id: 6, date: 0, chat: { id: 1, type: "private" }, text: "hai" },
      });
      await pollUpdates(bot, { logger: fakeLogger().logger, sleep: fakeSleep().sleep });
      expect(flaky.calls.filter((c) => c.method === "getUpdates").map((c) => c.outcome)).toEqual([
        "fault-500",
        "ok",
        "ok",
      ]);
    } finally {
      await flaky.close();
    }
  }, 20_000);

  it("polling with a revoked token ends with the @BotFather advice", async () => {
    const bot = new Telegraf("999:wrong", { telegram: { apiRoot: api.url } });
    bot.botInfo = { id: 1, is_bot: true, first_name: "x", username: "x" } as never;
    const { logger } = fakeLogger();
    await expect(pollUpdates(bot, { logger, sleep: fakeSleep().sleep })).rejects.toThrow(/@BotFather/);
    expectRefusal(api, /Unauthorized/);
  });
});
