import { describe, expect, it } from "vitest";
import { getAgencyImbalance } from "../../src/use-cases/balancing-check/index.ts";
import { getUnitStatus } from "../../src/use-cases/status/index.ts";
import { listUnitStaff } from "../../src/use-cases/units/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedUnitHeadDistrict } from "../support/unit-head-fixtures.ts";
import { approverActor } from "../support/actors.ts";

describe.skipIf(skipPg)("status reads: getAgencyImbalance, getUnitStatus, listUnitStaff", () => {
  const db = useTestDatabase();

  const common = { now: new Date("2026-11-30T00:00:00Z"), timeZone: "Asia/Jayapura" };

  it("ranks the approver's own agency's units and checks the group belongs to that agency", async () => {
    const d = await seedUnitHeadDistrict(db.prisma);
    await db.prisma.workloadReport.create({
      data: { unitId: d.sd.id, roleId: d.guruKelas.id, hoursNeeded: 96, period: "2026-10" },
    });
    await db.prisma.workloadReport.create({
      data: { unitId: d.smp.id, roleId: d.guruIpa.id, hoursNeeded: 12, period: "2026-11" },
    });
    const view = await getAgencyImbalance(db.prisma, { actor: approverActor(d.approver.id), ...common });
    expect(view.overloaded.map((u) => [u.unitName, u.band])).toEqual([["SD Negeri 1 Salor", "A"]]);
    expect(view.underloaded.map((u) => [u.unitName, u.ratio])).toEqual([["SMP Negeri 2 Salor", 0.5]]);
    await expect(
      getAgencyImbalance(db.prisma, {
        actor: approverActor(d.approver.id),
        inGroupOf: d.approver.agencyId,
        ...common,
      }),
    ).resolves.toBeTruthy();
    await expect(
      getAgencyImbalance(db.prisma, { actor: approverActor(d.approver.id), inGroupOf: null, ...common }),
    ).rejects.toMatchObject({ code: "approver_only" });
    await expect(
      getAgencyImbalance(db.prisma, { actor: approverActor(d.sdHead.id), ...common }),
    ).rejects.toMatchObject({
      code: "approver_only",
    });
  });

  it("gives a head only their own unit", async () => {
    const d = await seedUnitHeadDistrict(db.prisma);
    const status = await getUnitStatus(db.prisma, { userId: d.smpHead.id, ...common });
    expect(status.unit.id).toBe(d.smp.id);
    expect(status.loads.map((l) => l.unitId)).toEqual([d.smp.id]);
    const { staff } = await listUnitStaff(db.prisma, { userId: d.smpHead.id, ...common });
    expect(staff.map((s) => s.name)).toEqual(["Ani Wulandari"]);
    await expect(listUnitStaff(db.prisma, { userId: d.approver.id, ...common })).rejects.toMatchObject({
      code: "unit_head_only",
    });
  });
});
