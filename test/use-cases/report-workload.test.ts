import { describe, expect, it } from "vitest";
import { reportWorkload } from "../../src/use-cases/units/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedUnitHeadDistrict } from "../support/unit-head-fixtures.ts";

describe.skipIf(skipPg)("reportWorkload", () => {
  const db = useTestDatabase();

  it("upserts one report per unit, role and period and updates the listed staff's hours", async () => {
    const d = await seedUnitHeadDistrict(db.prisma);
    await reportWorkload(db.prisma, {
      userId: d.sdHead.id,
      period: "2026-11",
      roles: [{ roleId: d.guruKelas.id, hoursNeeded: 144, rombel: 6 }],
      staffHours: [{ employeeId: d.budi.id, hours: 20 }],
    });
    await reportWorkload(db.prisma, {
      userId: d.sdHead.id,
      period: "2026-11",
      roles: [{ roleId: d.guruKelas.id, hoursNeeded: 120, rombel: 5 }],
      staffHours: [],
    });
    const reports = await db.prisma.workloadReport.findMany();
    expect(reports.map((r) => [r.unitId, r.roleId, r.period, r.hoursNeeded, r.rombel])).toEqual([
      [d.sd.id, d.guruKelas.id, "2026-11", 120, 5],
    ]);
    expect((await db.prisma.employee.findUniqueOrThrow({ where: { id: d.budi.id } })).weeklyHours).toBe(20);
    expect(await db.prisma.auditLog.count()).toBe(3);
  });

  it("rolls everything back when a listed person is in another unit", async () => {
    const d = await seedUnitHeadDistrict(db.prisma);
    await expect(
      db.prisma.$transaction((tx) =>
        reportWorkload(tx, {
          userId: d.sdHead.id,
          period: "2026-11",
          roles: [{ roleId: d.guruKelas.id, hoursNeeded: 144, rombel: null }],
          staffHours: [{ employeeId: d.ani.id, hours: 10 }],
        }),
      ),
    ).rejects.toMatchObject({ code: "employee_not_in_unit" });
    expect(await db.prisma.workloadReport.count()).toBe(0);
    expect((await db.prisma.employee.findUniqueOrThrow({ where: { id: d.ani.id } })).weeklyHours).toBe(24);
  });

  it("refuses out-of-range hours, another agency's role and non-heads", async () => {
    const d = await seedUnitHeadDistrict(db.prisma);
    const input = {
      userId: d.sdHead.id,
      period: "2026-11",
      roles: [{ roleId: d.guruKelas.id, hoursNeeded: 10, rombel: null }],
      staffHours: [],
    };
    await expect(
      reportWorkload(db.prisma, {
        ...input,
        roles: [{ roleId: d.guruKelas.id, hoursNeeded: 2001, rombel: null }],
      }),
    ).rejects.toThrow();
    await expect(
      reportWorkload(db.prisma, { ...input, roles: [{ roleId: d.nurse.id, hoursNeeded: 10, rombel: null }] }),
    ).rejects.toMatchObject({
      code: "role_not_in_unit",
    });
    await expect(reportWorkload(db.prisma, { ...input, userId: d.approver.id })).rejects.toMatchObject({
      code: "unit_head_only",
    });
    expect(await db.prisma.workloadReport.count()).toBe(0);
  });
});
