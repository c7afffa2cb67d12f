import { describe, expect, it } from "vitest";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot } from "../support/harness.ts";
import { HR_CHAT, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { sentTexts, textUpdate, type ApiCall } from "../support/telegram.ts";

const keyboard = (calls: ApiCall[]) =>
  (calls.at(-1)?.payload.reply_markup as { inline_keyboard?: unknown[][] } | undefined)?.inline_keyboard;

describe.skipIf(skipPg)("/peta opens the Mini App where Telegram allows it (issue 27)", () => {
  const db = useTestDatabase();

  it("in a private chat: a web_app button for approvers and heads; strangers are refused", async () => {
    await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { webApp: { url: "https://seimbang.example.go.id/" } });
    for (const person of [people.rina, people.siti]) {
      t.mark();
      await t.send(textUpdate(person, "/peta"));
      expect(t.calls.refused).toEqual([]);
      expect(keyboard(t.since())).toEqual([
        [{ text: "🗺 Buka peta", web_app: { url: "https://seimbang.example.go.id/app/" } }],
      ]);
    }
    await t.send(textUpdate(people.stranger, "/peta"));
    expect(sentTexts(t.calls).at(-1)).toBe(
      "Peta dan tabel hanya untuk admin, penyetuju tim mutasi dan kepala unit. Minta undangan ke admin.",
    );
  });

  it("in the HR group: the direct link when WEB_APP_NAME is set, otherwise the way to a private chat", async () => {
    await seedHrDistrict(db.prisma);
    const named = buildTestBot(db.prisma, {
      webApp: { url: "https://seimbang.example.go.id", name: "peta" },
    });
    await named.send(textUpdate(people.rina, "/peta", HR_CHAT));
    expect(named.calls.refused).toEqual([]);
    expect(keyboard(named.calls)).toEqual([
      [{ text: "🗺 Buka peta", url: `https://t.me/${named.bot.botInfo?.username}/peta?startapp=peta` }],
    ]);
    const plain = buildTestBot(db.prisma, { webApp: { url: "https://seimbang.example.go.id" } });
    await plain.send(textUpdate(people.rina, "/peta", HR_CHAT));
    expect(sentTexts(plain.calls).at(-1)).toBe(
      `Peta dibuka dari chat pribadi: buka @${plain.bot.botInfo?.username} lalu ketik /peta.`,
    );
  });

  it("without WEB_APP_URL it says how to switch the page on", async () => {
    await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    await t.send(textUpdate(people.rina, "/peta"));
    expect(sentTexts(t.calls).at(-1)).toContain("isi WEB_APP_URL");
  });
});
