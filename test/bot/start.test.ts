import { describe, expect, it } from "vitest";
import { createInvite } from "../../src/use-cases/accounts/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { callbackUpdate, sentTexts, textUpdate } from "../support/telegram.ts";

describe.skipIf(skipPg)("onboarding: /start, invites, help, language", () => {
  const db = useTestDatabase();

  const siti = { id: 5001, first_name: "Siti", last_name: "Rahayu", language_code: "id" };

  it("welcomes a stranger and explains how to join", async () => {
    const t = buildTestBot(db.prisma);
    await t.send(textUpdate(siti, "/start"));
    expect(sentTexts(t.calls)).toEqual([
      expect.stringContaining("Selamat datang di <b>Seimbang</b>, Siti Rahayu"),
    ]);
  });

  it("redeems a unit invite once, binds the head to the unit and refuses the same code again", async () => {
    const clock = fixedClock("2026-11-30T01:00:00Z");
    const { sd } = await seedSmallDistrict(db.prisma);
    const invite = await createInvite(db.prisma, {
      target: { kind: "unit", unitCode: "SDN-01" },
      createdBy: "cli",
      now: clock.now(),
    });
    const t = buildTestBot(db.prisma, { clock });

    await t.send(textUpdate(siti, `/start ${invite.code}`));
    expect(sentTexts(t.calls).at(-1)).toContain("kepala unit <b>SD Negeri 1 Salor</b>");
    const user = await db.prisma.user.findUniqueOrThrow({ where: { telegramId: 5001n } });
    expect(user).toMatchObject({ role: "UNIT_HEAD", unitId: sd.id, name: "Siti Rahayu" });

    const other = { id: 5002, first_name: "Joko" };
    await t.send(textUpdate(other, `/start ${invite.code}`));
    expect(sentTexts(t.calls).at(-1)).toContain("sudah dipakai");
    expect(await db.prisma.user.count({ where: { telegramId: 5002n } })).toBe(0);

    await t.send(textUpdate(siti, "/start"));
    expect(sentTexts(t.calls).at(-1)).toContain("Anda kepala unit <b>SD Negeri 1 Salor</b>");
  });

  it("refuses an unknown and an expired code, changing nothing", async () => {
    const clock = fixedClock("2026-11-30T01:00:00Z");
    await seedSmallDistrict(db.prisma);
    const invite = await createInvite(db.prisma, {
      target: { kind: "hr", agencyCode: "DISDIK" },
      createdBy: "cli",
      now: clock.now(),
    });
    clock.advance(8 * 86_400_000);
    const t = buildTestBot(db.prisma, { clock });
    await t.send(textUpdate(siti, "/start ZZZZZZZZZZZZZZZZ"));
    await t.send(textUpdate(siti, `/start ${invite.code}`));
    const texts = sentTexts(t.calls);
    expect(texts[0]).toContain("tidak dikenal");
    expect(texts[1]).toContain("kedaluwarsa (07-12-2026)");
    expect(await db.prisma.user.count()).toBe(0);
    expect(await db.prisma.invite.count({ where: { usedAt: { not: null } } })).toBe(0);
  });

  it("processes a repeated update once: nothing changes and nothing is sent twice", async () => {
    await seedSmallDistrict(db.prisma);
    const clock = fixedClock();
    const invite = await createInvite(db.prisma, {
      target: { kind: "unit", unitCode: "SDN-01" },
      createdBy: "cli",
      now: clock.now(),
    });
    const t = buildTestBot(db.prisma, { clock });
    const update = textUpdate(siti, `/start ${invite.code}`);
    await t.send(update);
    await t.send(structuredClone(update));
    expect(sentTexts(t.calls)).toHaveLength(1);
    expect(await db.prisma.auditLog.count({ where: { action: "invite.redeem" } })).toBe(1);
  });

  it("shows help by role and switches the language to English", async () => {
    const t = buildTestBot(db.prisma);
    await t.send(textUpdate(siti, "/bantuan"));
    expect(sentTexts(t.calls).at(-1)).toContain("/start &lt;kode&gt;");
    await t.send(textUpdate(siti, "/bahasa"));
    const keyboard = t.calls.at(-1)?.payload.reply_markup as {
      inline_keyboard: Array<Array<{ callback_data: string }>>;
    };
    expect(keyboard.inline_keyboard[0]?.map((b) => b.callback_data)).toEqual(["lang:id", "lang:en"]);
    await t.send(callbackUpdate(siti, "lang:en", { message_id: 1000 }));
    expect(sentTexts(t.calls).at(-1)).toBe("Language switched to English.");
    await t.send(textUpdate(siti, "/help"));
    expect(sentTexts(t.calls).at(-1)).toContain("workload balancing");
  });

  it("an admin's /bantuan lists every admin command, /jabatan and /cuti included", async () => {
    const admin = { id: 9001, first_name: "Admin", language_code: "id" };
    const t = buildTestBot(db.prisma, { adminIds: [9001n] });
    await t.send(textUpdate(admin, "/bantuan"));
    const help = sentTexts(t.calls).join("\n");
    for (const command of [
      "/undang",
      "/jabatan",
      "/cuti",
      "/kebijakan",
      "/sk",
      "/batalusulan",
      "/cabutpenolakan",
    ])
      expect(help).toContain(command);
  });

  it("answers an admin's /undang with a code and deep link, and refuses others", async () => {
    await seedSmallDistrict(db.prisma);
    const admin = { id: 9001, first_name: "Admin" };
    const t = buildTestBot(db.prisma, { adminIds: [9001n] });
    await t.send(textUpdate(admin, "/undang unit SDN-01"));
    expect(sentTexts(t.calls).at(-1)).toMatch(
      /Undangan untuk SD Negeri 1 Salor[\s\S]*https:\/\/t\.me\/seimbang_test_bot\?start=\w{16}/,
    );
    await t.send(textUpdate(siti, "/undang unit SDN-01"));
    expect(sentTexts(t.calls).at(-1)).toBe("Perintah ini hanya untuk admin.");
    expect(await db.prisma.invite.count()).toBe(1);
  });

  it("answers unknown text with help and a stray button without a spinning clock", async () => {
    const t = buildTestBot(db.prisma);
    await t.send(textUpdate(siti, "halo"));
    expect(sentTexts(t.calls).at(-1)).toContain("/bantuan");
    await t.send(callbackUpdate(siti, "old:button"));
    expect(t.calls.at(-1)).toMatchObject({
      method: "answerCallbackQuery",
      payload: { text: "Tombol ini sudah tidak berlaku." },
    });
  });
});
