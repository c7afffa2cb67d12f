import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startBotApiServer, type BotApiServer } from "../support/bot-api-server.ts";
import { botProcessEnv, startBotProcess, waitFor } from "../support/bot-process.ts";
import { skipPg, testBackend, useTestDatabase } from "../support/db.ts";
import { HR_CHAT, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { growToProvince } from "../support/province.ts";

/**
 * The bot's own process, polling the Bot API stand-in, on the test's PostgreSQL database (a child
 * process cannot open the test's PGlite): telegraf's polling fetches the next updates only when every
 * handler of a batch has ended, so a head's message sent after a province's /cek waited for the check.
 */
describe.skipIf(testBackend !== "postgres" || skipPg)(
  "a province's /cek in the bot's process (issue 30)",
  () => {
    const db = useTestDatabase();
    let api: BotApiServer | undefined;
    let bot: ChildProcess | undefined;
    let dataDir: string | undefined;
    afterAll(async () => {
      if (bot && bot.exitCode === null) {
        const exited = new Promise((resolve) => bot?.once("exit", resolve));
        bot.kill("SIGTERM");
        await exited;
      }
      await api?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it("answers a head who writes while the check runs before the check's summary", async () => {
      const s = await seedHrDistrict(db.prisma);
      await growToProvince(db.prisma, s.smp.id, s.guruIpa.id);
      api = await startBotApiServer();
      dataDir = await mkdtemp(path.join(tmpdir(), "seimbang-province-"));
      bot = await startBotProcess(api, botProcessEnv(api, dataDir, { DATABASE_URL: db.url ?? "" }));
      const message = (id: number, from: typeof people.rina, chat: object, text: string) => ({
        update_id: id,
        message: {
          message_id: id,
          date: Math.floor(Date.now() / 1000),
          from: { ...from, is_bot: false },
          chat,
          text,
          entities: [{ type: "bot_command", offset: 0, length: text.length }],
        },
      });
      const polls = () => api?.calls.filter((c) => c.method === "getUpdates").length ?? 0;

      const before = polls();
      api.pushUpdate(message(1, people.rina, HR_CHAT, "/cek"));
      // The /cek is fetched; then Siti writes, in a batch of her own.
      await waitFor(() => polls() > before, 30_000);
      api.pushUpdate(
        message(
          2,
          people.siti,
          { id: people.siti.id, type: "private", first_name: people.siti.first_name },
          "/bantuan",
        ),
      );
      const sent = () => api?.calls.filter((c) => c.method === "sendMessage" && c.outcome === "ok") ?? [];
      const toSiti = () => sent().findIndex((c) => Number(c.payload.chat_id) === people.siti.id);
      const summary = () =>
        sent().findIndex(
          (c) =>
            Number(c.payload.chat_id) === HR_CHAT.id &&
            /^Pemeriksaan #1 selesai/.test(String(c.payload.text)),
        );
      await waitFor(() => toSiti() >= 0 && summary() >= 0, 120_000);

      expect(String(sent()[0]?.payload.text)).toMatch(/^⏳ Pemeriksaan dimulai untuk 10\.002 pegawai\./);
      expect(toSiti()).toBeLessThan(summary());
    }, 240_000);
  },
);
