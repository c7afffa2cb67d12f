import { describe, expect, it } from "vitest";
import type { Prisma } from "../../src/generated/prisma/client.ts";
import { renderProposalCard } from "../../src/messages/proposal-card.ts";
import { enqueueMessage, PRIORITY } from "../../src/delivery/outbox.ts";
import { decideProposal, expireProposals, proposalExpiresAt } from "../../src/use-cases/proposals/index.ts";
import { getAuditTrail } from "../../src/use-cases/status/index.ts";
import { loadProposal } from "../../src/db/proposal-query.ts";
import { putSetting } from "../../src/db/settings.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { createPendingProposal, HR_CHAT_ID, seedHrDistrict } from "../support/hr-fixtures.ts";
import { approverActor } from "../support/actors.ts";

describe.skipIf(skipPg)("proposal cards through the outbox, expiry and the audit trail", () => {
  const db = useTestDatabase();

  it("a card is queued for the HR group as the balancing check does it: HTML text and the three buttons", async () => {
    const s = await seedHrDistrict(db.prisma);
    const proposal = await loadProposal(db.prisma, s.proposal.id);
    if (!proposal) throw new Error("missing proposal");
    const card = renderProposalCard(proposal, "id", "Asia/Jayapura", { quorum: 1 });
    await enqueueMessage(db.prisma, {
      dedupeKey: `proposal:${proposal.id}:card`,
      chatId: s.group.chatId,
      method: "sendMessage",
      // Stored as JSON: the keyboard is plain data.
      payload: JSON.parse(
        JSON.stringify({
          chat_id: s.group.chatId.toString(),
          text: card.text,
          parse_mode: "HTML",
          reply_markup: card.reply_markup,
        }),
      ) as Prisma.InputJsonValue,
      priority: PRIORITY.bulk,
      kind: "proposal-card",
      refId: proposal.id,
    });
    const row = await db.prisma.outboxMessage.findFirstOrThrow();
    const payload = row.payload as {
      text: string;
      reply_markup: { inline_keyboard: Array<Array<{ callback_data: string }>> };
    };
    expect(payload.text).toContain("👤 <b>Ani Wulandari</b> (NIP 198501012010012001)");
    expect(payload.text).toContain("📊 Beban SD Negeri 1 Salor: 150% → 120%");
    expect(payload.reply_markup.inline_keyboard.flat().map((b) => b.callback_data)).toEqual([
      "p:a:1",
      "p:r:1",
      "p:d:1",
    ]);
  });

  it("expires pending proposals past their date, edits their cards through the outbox, once", async () => {
    const s = await seedHrDistrict(db.prisma);
    const later = await createPendingProposal(db.prisma, {
      employeeId: s.budi.id,
      fromUnitId: s.sd.id,
      toUnitId: s.smp.id,
      roleId: s.guruKelas.id,
      agencyId: s.agency.id,
      now: s.now,
      days: 30,
      cardMessageId: 501,
    });
    const now = new Date(s.proposal.expiresAt.getTime() + 60_000);
    const result = await db.prisma.$transaction((tx) =>
      expireProposals(tx, { now, timeZone: "Asia/Jayapura", locale: "id" }),
    );
    expect(result.expired).toEqual([s.proposal.id]);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "EXPIRED",
      version: 2,
    });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: later.id } })).toMatchObject({
      status: "PENDING",
    });
    const edit = await db.prisma.outboxMessage.findUniqueOrThrow({
      where: { dedupeKey: `proposal:${s.proposal.id}:card:expired` },
    });
    expect(edit).toMatchObject({ method: "editMessageText", chatId: BigInt(HR_CHAT_ID) });
    expect(edit.payload).toMatchObject({
      chat_id: String(HR_CHAT_ID),
      message_id: 500,
      reply_markup: { inline_keyboard: [] },
    });
    expect((edit.payload as { text: string }).text).toContain(
      "⌛ <b>Kedaluwarsa</b> pada 14-12-2026 09:00 WIT",
    );

    expect(
      (await expireProposals(db.prisma, { now, timeZone: "Asia/Jayapura", locale: "id" })).expired,
    ).toEqual([]);
    expect(await db.prisma.outboxMessage.count()).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.expire" } })).toBe(1);
  });

  it("proposals last 14 days unless policy.proposalExpiryDays says otherwise", async () => {
    const now = new Date("2026-11-30T00:00:00Z");
    expect(await proposalExpiresAt(db.prisma, now)).toEqual(new Date("2026-12-14T00:00:00Z"));
    await putSetting(db.prisma, "policy.proposalExpiryDays", 7);
    expect(await proposalExpiresAt(db.prisma, now)).toEqual(new Date("2026-12-07T00:00:00Z"));
  });

  it("the audit trail lists every decision with who, when and why, newest first", async () => {
    const s = await seedHrDistrict(db.prisma, { quorum: 2 });
    const other = await createPendingProposal(db.prisma, {
      employeeId: s.budi.id,
      fromUnitId: s.sd.id,
      toUnitId: s.smp.id,
      roleId: s.guruKelas.id,
      agencyId: s.agency.id,
      now: s.now,
      cardMessageId: 501,
    });
    const base = { timeZone: "Asia/Jayapura", locale: "id" as const };
    await decideProposal(db.prisma, {
      ...base,
      proposalId: s.proposal.id,
      actor: approverActor(s.rina.id),
      verdict: "APPROVE",
      now: new Date("2026-12-01T01:00:00Z"),
    });
    await decideProposal(db.prisma, {
      ...base,
      proposalId: s.proposal.id,
      actor: approverActor(s.yosef.id),
      verdict: "APPROVE",
      now: new Date("2026-12-01T02:00:00Z"),
    });
    await decideProposal(db.prisma, {
      ...base,
      proposalId: other.id,
      actor: approverActor(s.rina.id),
      verdict: "REJECT",
      reason: "Budi baru kembali dari tugas belajar",
      now: new Date("2026-12-01T03:00:00Z"),
    });

    const trail = await getAuditTrail(db.prisma, { limit: 10 });
    expect(JSON.parse(JSON.stringify(trail))).toEqual(trail);
    expect(
      trail.map((e) => [e.proposalId, e.verdict, e.by.name, e.at, e.reason, e.outcome, e.effectiveDate]),
    ).toEqual([
      [
        other.id,
        "REJECT",
        "Rina Kaize",
        "2026-12-01T03:00:00.000Z",
        "Budi baru kembali dari tugas belajar",
        "REJECTED",
        null,
      ],
      [s.proposal.id, "APPROVE", "Yosef Gebze", "2026-12-01T02:00:00.000Z", null, "APPROVED", null],
      [s.proposal.id, "APPROVE", "Rina Kaize", "2026-12-01T01:00:00.000Z", null, "APPROVED", null],
    ]);
    expect(trail[0]).toMatchObject({
      employee: { nip: "197803152005011002", name: "Budi Santoso" },
      from: "SDN-01",
      to: "SMPN-02",
    });
    expect(await getAuditTrail(db.prisma, { limit: 1 })).toHaveLength(1);
  });
});
