import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";

const TOKEN = "7123456789:AAHk3v9-Zq_0wXyZabcdefghijklmnopqrs";
const NIP = "198501012010012001";

/** A pino destination that keeps every line it is given. */
function capture(): { stream: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  return { stream, lines: () => chunks.join("").split("\n").filter(Boolean) };
}

describe("logs", () => {
  it("never contain the bot token or a full NIP, wherever they appear", () => {
    const out = capture();
    const logger = createLogger("info", out.stream);
    const error = new Error(
      `request to https://api.telegram.org/bot${TOKEN}/sendMessage failed, reason: ECONNRESET`,
    );
    logger.error({ err: error, updateId: 42, chat: 5001 }, "update failed");
    logger.info({ nip: NIP, employee: { nip: NIP, name: "Ani" }, rows: [{ nip: NIP }] }, "imported");
    logger.warn(`import row 3: NIP ${NIP} is already used; token was ${TOKEN}`);
    logger.info(
      { url: `https://api.telegram.org/file/bot${TOKEN}/photos/1.jpg`, note: `nip=${NIP}` },
      "download",
    );

    const lines = out.lines();
    expect(lines).toHaveLength(4);
    const all = lines.join("\n");
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(TOKEN.split(":")[1]);
    expect(all).not.toContain(NIP);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();

    // What is left still helps: the error, its place in the chain, and which NIP (by its last digits).
    const [failed, imported, warned] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(failed).toMatchObject({ msg: "update failed", updateId: 42, chat: 5001, err: { type: "Error" } });
    expect(String((failed?.err as { message: string }).message)).toContain("api.telegram.org/bot");
    expect(String((failed?.err as { message: string }).message)).toContain("ECONNRESET");
    expect(JSON.stringify(imported)).toContain("2001");
    expect(String(warned?.msg)).toContain("is already used");
  });

  it("keeps ordinary numbers such as Telegram ids and update ids", () => {
    const out = capture();
    const logger = createLogger("info", out.stream);
    logger.info({ chat: -1001234567890, updateId: 987654321, telegramId: "5001" }, "handled");
    expect(JSON.parse(out.lines()[0] ?? "{}")).toMatchObject({
      chat: -1001234567890,
      updateId: 987654321,
      telegramId: "5001",
    });
  });
});
