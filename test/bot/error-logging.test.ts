import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/create-bot.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { createLogger } from "../../src/logger.ts";
import { fixedClock, TEST_TOKEN } from "../support/harness.ts";
import { recordApiCalls, sentTexts, textUpdate } from "../support/telegram.ts";

/**
 * A database that fails the moment the bot looks the person up: the person gets a short apology
 * (never silence), and the log line names the update and the chat but not the token.
 */
function failingDatabase(): PrismaClient {
  const fake = {
    processedUpdate: { findUnique: async () => null, createMany: async () => ({ count: 1 }) },
    conversationSession: { findUnique: async () => null },
    user: {
      findUnique: async () => {
        throw new Error(`connection lost while calling https://api.telegram.org/bot${TEST_TOKEN}/getMe`);
      },
    },
  };
  return fake as unknown as PrismaClient;
}

describe("an unexpected error", () => {
  it("is answered with an apology and logged with the update id and chat, token masked", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split("\n").filter(Boolean));
        done();
      },
    });
    const bot = createBot(
      {
        config: { DEFAULT_LOCALE: "id", ADMIN_TELEGRAM_IDS: [], SCHEDULE_TIMEZONE: "Asia/Jayapura" },
        db: failingDatabase(),
        clock: fixedClock(),
        logger: createLogger("info", sink),
      },
      { token: TEST_TOKEN },
    );
    const calls = recordApiCalls(bot);
    const update = textUpdate({ id: 5150, first_name: "Siti" }, "/status");
    await bot.handleUpdate(update);

    expect(sentTexts(calls)).toEqual(["Maaf, terjadi kesalahan di sistem. Silakan coba lagi sebentar lagi."]);
    const logged = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === "update failed");
    expect(logged).toMatchObject({ level: 50, updateId: update.update_id, chat: 5150 });
    expect(lines.join("\n")).not.toContain(TEST_TOKEN);
  });
});
