import type { Update } from "telegraf/types";
import { describe, expect, it } from "vitest";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import {
  createPendingProposal,
  HR_CHAT,
  HR_CHAT_ID,
  people,
  seedHrDistrict,
} from "../support/hr-fixtures.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { botMembership, callbackUpdate, nextUpdateId, sentTexts, textUpdate } from "../support/telegram.ts";

const BASIC_GROUP = { id: -4005001, type: "group" as const, title: "Mutasi Disdik" };

function serviceMessage(
  chat: { id: number; type: "group" | "supergroup"; title: string },
  fields: Record<string, number>,
): Update {
  return {
    update_id: nextUpdateId(),
    message: {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: { id: people.admin.id, is_bot: false, first_name: "Admin" },
      ...fields,
    },
  } as Update;
}

describe.skipIf(skipPg)("HR group: linking, membership, migration, the pending list", () => {
  const db = useTestDatabase();

  it("/hubungkan by an admin links the group with a quorum; others and bad input change nothing", async () => {
    const { agency } = await seedSmallDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { adminIds: [BigInt(people.admin.id)] });

    await t.send(textUpdate(people.rina, "/hubungkan DISDIK", HR_CHAT));
    expect(sentTexts(t.calls).at(-1)).toBe("Perintah ini hanya untuk admin.");
    await t.send(textUpdate(people.admin, "/hubungkan", HR_CHAT));
    expect(sentTexts(t.calls).at(-1)).toBe(
      "Cara pakai: /hubungkan &lt;KODE_INSTANSI&gt; [kuorum], di dalam grup HR.",
    );
    await t.send(textUpdate(people.admin, "/hubungkan XYZ", HR_CHAT));
    expect(sentTexts(t.calls).at(-1)).toBe("Instansi dengan kode XYZ tidak ditemukan.");
    await t.send(textUpdate(people.admin, "/hubungkan DISDIK dua", HR_CHAT));
    expect(sentTexts(t.calls).at(-1)).toBe("Kuorum harus bilangan bulat 1 sampai 10.");
    await t.send(textUpdate(people.admin, "/hubungkan DISDIK"));
    expect(sentTexts(t.calls).at(-1)).toBe("Perintah ini hanya dapat dipakai di grup HR.");
    expect(await db.prisma.hrGroup.count()).toBe(0);

    await t.send(textUpdate(people.admin, "/hubungkan disdik 2", HR_CHAT));
    expect(sentTexts(t.calls).at(-1)).toBe(
      "Grup ini sekarang grup HR <b>Dinas Pendidikan Merauke</b>. Usulan mutasi dikirim ke sini; kuorum persetujuan: 2.",
    );
    expect(await db.prisma.hrGroup.findUniqueOrThrow({ where: { agencyId: agency.id } })).toMatchObject({
      chatId: BigInt(HR_CHAT_ID),
      title: HR_CHAT.title,
      active: true,
    });
    // The quorum is the agency's (issue 26): a decision made anywhere needs the same approvals.
    expect(await db.prisma.agency.findUniqueOrThrow({ where: { id: agency.id } })).toMatchObject({
      quorum: 2,
    });
    await t.send(textUpdate(people.admin, "/linkgroup DINKES", HR_CHAT));
    expect(sentTexts(t.calls).at(-1)).toBe("Grup ini sudah menjadi grup HR Dinas Pendidikan Merauke.");
    expect(await db.prisma.auditLog.count({ where: { action: "hrgroup.link" } })).toBe(1);
  });

  it("the bot removed from the group deactivates it; added back, it is active again", async () => {
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    await t.send(botMembership(HR_CHAT, "kicked"));
    expect(await db.prisma.hrGroup.findUniqueOrThrow({ where: { id: s.group.id } })).toMatchObject({
      active: false,
    });
    // While removed, presses from that chat no longer count.
    await t.send(
      callbackUpdate(people.rina, `p:a:${s.proposal.id}`, { message_id: 500, chatId: HR_CHAT_ID }),
    );
    expect(t.calls.at(-1)?.payload).toMatchObject({
      text: "Usulan ini hanya dapat diputuskan di grup HR instansinya.",
      show_alert: true,
    });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "PENDING",
    });
    await t.send(botMembership(HR_CHAT, "member"));
    expect(await db.prisma.hrGroup.findUniqueOrThrow({ where: { id: s.group.id } })).toMatchObject({
      active: true,
    });
    expect(sentTexts(t.calls)).toEqual([
      "Grup HR <b>Dinas Pendidikan Merauke</b> aktif kembali; usulan mutasi akan dikirim ke sini.",
    ]);
    // Added to a group that is not an HR group yet: nothing changes; the bot says how to link it.
    await t.send(botMembership({ id: -100777, type: "supergroup", title: "Lain" }, "member"));
    expect(sentTexts(t.calls).at(-1)).toBe(
      "Halo, saya Seimbang. Agar grup ini menjadi grup tim mutasi sebuah instansi, admin mengirim di sini /hubungkan &lt;KODE_INSTANSI&gt; — kode instansi: DINKES, DISDIK.",
    );
    expect(await db.prisma.hrGroup.count()).toBe(1);
  });

  it("a group upgraded to a supergroup keeps its link and its cards' addresses", async () => {
    const { agency, ani, smp, sd, guruKelas } = await seedSmallDistrict(db.prisma);
    const group = await db.prisma.hrGroup.create({
      data: { chatId: BigInt(BASIC_GROUP.id), title: BASIC_GROUP.title, agencyId: agency.id },
    });
    const proposal = await createPendingProposal(db.prisma, {
      employeeId: ani.id,
      fromUnitId: smp.id,
      toUnitId: sd.id,
      roleId: guruKelas.id,
      agencyId: agency.id,
      now: new Date("2026-11-30T00:00:00Z"),
    });
    await db.prisma.proposal.update({
      where: { id: proposal.id },
      data: { cardChatId: BigInt(BASIC_GROUP.id) },
    });
    const t = buildTestBot(db.prisma);
    const newId = -1009876543210;
    await t.send(serviceMessage(BASIC_GROUP, { migrate_to_chat_id: newId }));
    await t.send(
      serviceMessage(
        { id: newId, type: "supergroup", title: BASIC_GROUP.title },
        { migrate_from_chat_id: BASIC_GROUP.id },
      ),
    );
    expect(await db.prisma.hrGroup.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({
      chatId: BigInt(newId),
    });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      cardChatId: BigInt(newId),
    });
    expect(await db.prisma.auditLog.count({ where: { action: "hrgroup.migrate" } })).toBe(1);
    expect(sentTexts(t.calls)).toHaveLength(0);
  });

  it("/usulan lists the agency's pending proposals with links to their cards, for approvers only", async () => {
    const s = await seedHrDistrict(db.prisma);
    await createPendingProposal(db.prisma, {
      employeeId: s.budi.id,
      fromUnitId: s.sd.id,
      toUnitId: s.smp.id,
      roleId: s.guruKelas.id,
      agencyId: s.agency.id,
      now: s.now,
      days: 20,
      cardMessageId: 733,
    });
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-01T00:00:00Z") });
    await t.send(textUpdate(people.rina, "/usulan", HR_CHAT));
    expect(sentTexts(t.calls).at(-1)).toBe(
      [
        "<b>Usulan menunggu keputusan — Dinas Pendidikan Merauke</b> (2)",
        '• <a href="https://t.me/c/1234567890/500">#1</a> Ani Wulandari: SMP Negeri 2 Salor → SD Negeri 1 Salor (sampai 14-12-2026 09:00 WIT)',
        '• <a href="https://t.me/c/1234567890/733">#2</a> Budi Santoso: SD Negeri 1 Salor → SMP Negeri 2 Salor (sampai 20-12-2026 09:00 WIT)',
      ].join("\n"),
    );
    await t.send(textUpdate(people.siti, "/pending", HR_CHAT));
    expect(sentTexts(t.calls).at(-1)).toBe("Hanya tim mutasi instansi ini yang dapat memutuskan usulan ini.");

    // Once the first is decided, it leaves the list.
    await db.prisma.proposal.update({ where: { id: s.proposal.id }, data: { status: "REJECTED" } });
    await db.prisma.proposal.updateMany({ where: { employeeId: s.budi.id }, data: { status: "EXPIRED" } });
    await t.send(textUpdate(people.rina, "/pending", HR_CHAT));
    expect(sentTexts(t.calls).at(-1)).toBe(
      "Tidak ada usulan mutasi yang menunggu keputusan untuk Dinas Pendidikan Merauke.",
    );
  });

  it("/usulan in a group that is not linked says how to link it", async () => {
    await seedSmallDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    await t.send(textUpdate(people.rina, "/usulan", HR_CHAT));
    expect(sentTexts(t.calls).at(-1)).toContain("belum dihubungkan ke instansi");
  });
});
