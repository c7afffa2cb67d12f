import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/create-bot.ts";
import { createLogger } from "../../src/logger.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { fixedClock, TEST_TOKEN } from "../support/harness.ts";
import { recordApiCalls, refuseNextCall, textUpdate } from "../support/telegram.ts";

const REFUSAL = 'Bad Request: can\'t parse entities: Unsupported start tag "kode" at byte offset 42';

describe.skipIf(skipPg)("a reply Telegram refuses", () => {
  const db = useTestDatabase();

  it("is logged with the update and the call, apologised for in plain text, and the update counts as handled", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split("\n").filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const bot = createBot(
      {
        config: { DEFAULT_LOCALE: "id", ADMIN_TELEGRAM_IDS: [], SCHEDULE_TIMEZONE: "Asia/Jayapura" },
        db: db.prisma,
        clock: fixedClock(),
        logger: createLogger("info", sink),
      },
      { token: TEST_TOKEN },
    );
    const calls = recordApiCalls(bot);
    refuseNextCall(calls, REFUSAL, "sendMessage");
    const update = textUpdate({ id: 6160, first_name: "Yosef" }, "/start");
    await bot.handleUpdate(update);

    const sent = calls.filter((c) => c.method === "sendMessage");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.payload.text).toBe(
      "Maaf, Telegram menolak menampilkan jawaban kami. Kesalahan ini sudah dicatat untuk tim teknis. Silakan coba lagi nanti atau ketik /bantuan.",
    );
    expect(sent[0]?.payload.parse_mode).toBeUndefined();
    expect(lines.find((l) => l.msg === "Telegram refused a reply")).toMatchObject({
      level: 50,
      updateId: update.update_id,
      chat: 6160,
      method: "sendMessage",
      description: REFUSAL,
    });
    expect(await db.prisma.processedUpdate.count({ where: { updateId: BigInt(update.update_id) } })).toBe(1);

    // A redelivered webhook runs nothing again: no second refusal, no second apology.
    const before = calls.length;
    await bot.handleUpdate(update);
    expect(calls.length).toBe(before);
  });
});
