import { describe, expect, it } from "vitest";
import { recordObjection, withdrawObjection } from "../../src/use-cases/proposals/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedUnitHeadDistrict } from "../support/unit-head-fixtures.ts";

describe.skipIf(skipPg)("recordObjection / withdrawObjection", () => {
  const db = useTestDatabase();

  const now = new Date("2026-11-30T00:00:00Z");

  it("records and withdraws an objection for the head's own staff, with audit lines", async () => {
    const d = await seedUnitHeadDistrict(db.prisma);
    expect(
      await recordObjection(db.prisma, {
        userId: d.sdHead.id,
        employeeId: d.budi.id,
        reason: "alasan keluarga",
        now,
      }),
    ).toEqual({ name: "Budi Santoso" });
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: d.budi.id } })).toMatchObject({
      objection: true,
      objectionAt: now,
    });
    await withdrawObjection(db.prisma, { userId: d.sdHead.id, employeeId: d.budi.id });
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: d.budi.id } })).toMatchObject({
      objection: false,
      objectionReason: null,
    });
    await expect(
      withdrawObjection(db.prisma, { userId: d.sdHead.id, employeeId: d.budi.id }),
    ).rejects.toMatchObject({ code: "objection_none" });
    expect(await db.prisma.auditLog.count()).toBe(2);
  });

  it("refuses another unit's person and non-heads, changing nothing", async () => {
    const d = await seedUnitHeadDistrict(db.prisma);
    await expect(
      recordObjection(db.prisma, { userId: d.smpHead.id, employeeId: d.budi.id, reason: "alasan", now }),
    ).rejects.toMatchObject({
      code: "employee_not_in_unit",
    });
    await expect(
      withdrawObjection(db.prisma, { userId: d.smpHead.id, employeeId: d.budi.id }),
    ).rejects.toMatchObject({ code: "employee_not_in_unit" });
    await expect(
      recordObjection(db.prisma, { userId: d.approver.id, employeeId: d.budi.id, reason: "alasan", now }),
    ).rejects.toMatchObject({
      code: "unit_head_only",
    });
    await expect(
      recordObjection(db.prisma, { userId: d.sdHead.id, employeeId: d.budi.id, reason: "ab", now }),
    ).rejects.toThrow();
    expect((await db.prisma.employee.findUniqueOrThrow({ where: { id: d.budi.id } })).objection).toBe(false);
  });
});
