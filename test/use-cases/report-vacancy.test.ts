import { describe, expect, it } from "vitest";
import { reportVacancy, type ReportVacancyInput } from "../../src/use-cases/units/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedUnitHeadDistrict } from "../support/unit-head-fixtures.ts";

describe.skipIf(skipPg)("reportVacancy", () => {
  const db = useTestDatabase();

  const now = new Date("2026-11-30T00:00:00Z");
  const formatNotice = (n: { unitName: string; count: number }) => `${n.count} @ ${n.unitName}`;
  const base = (userId: number, roleId: number): ReportVacancyInput => ({
    userId,
    roleId,
    count: 2,
    reason: "PENSIUN",
    reasonText: null,
    since: new Date("2026-11-01"),
    now,
    timeZone: "Asia/Jayapura",
  });

  it("saves the vacancy and queues one notice to the agency's active HR group in the same transaction", async () => {
    const d = await seedUnitHeadDistrict(db.prisma);
    const { vacancy, notified } = await db.prisma.$transaction((tx) =>
      reportVacancy(tx, { ...base(d.sdHead.id, d.guruKelas.id), formatNotice }),
    );
    expect(notified).toBe(true);
    expect(vacancy).toMatchObject({ unitId: d.sd.id, count: 2, status: "OPEN", reporterId: d.sdHead.id });
    const outbox = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(outbox).toMatchObject({
      dedupeKey: `vacancy:${vacancy.id}`,
      chatId: d.hrGroup.chatId,
      kind: "vacancy-notice",
      refId: vacancy.id,
    });
    expect(outbox.payload).toMatchObject({ text: "2 @ SD Negeri 1 Salor", parse_mode: "HTML" });
  });

  it("saves without a notice when the agency has no active HR group", async () => {
    const d = await seedUnitHeadDistrict(db.prisma);
    await db.prisma.hrGroup.update({ where: { id: d.hrGroup.id }, data: { active: false } });
    const result = await reportVacancy(db.prisma, { ...base(d.sdHead.id, d.guruIpa.id), formatNotice });
    expect(result.notified).toBe(false);
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });

  it("refuses another agency's role, a future date, a bad count, a reason text without 'lainnya' and anyone but a head", async () => {
    const d = await seedUnitHeadDistrict(db.prisma);
    const input = { ...base(d.sdHead.id, d.guruKelas.id), formatNotice };
    await expect(reportVacancy(db.prisma, { ...input, roleId: d.nurse.id })).rejects.toMatchObject({
      code: "role_not_in_unit",
    });
    await expect(reportVacancy(db.prisma, { ...input, since: new Date("2026-12-01") })).rejects.toMatchObject(
      { code: "vacancy_since_future" },
    );
    await expect(reportVacancy(db.prisma, { ...input, count: 51 })).rejects.toThrow();
    await expect(reportVacancy(db.prisma, { ...input, reasonText: "x" })).rejects.toThrow();
    await expect(reportVacancy(db.prisma, { ...input, userId: d.approver.id })).rejects.toMatchObject({
      code: "unit_head_only",
    });
    expect(await db.prisma.vacancy.count()).toBe(0);
  });
});
