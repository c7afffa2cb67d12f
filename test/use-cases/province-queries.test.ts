import { describe, expect, it } from "vitest";
import { loadStatements } from "../../src/db/employee-statements.ts";
import { readDistrict } from "../../src/db/read-district.ts";
import { exportTransfers } from "../../src/use-cases/decrees/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedHrDistrict } from "../support/hr-fixtures.ts";

// Prisma refuses a query with more than 32,766 parameters (P2029). A province's weekly check read every
// employee's statement with one list of ids, and failed at 50,000 people (npm run bench:check, issue 30).
const BEYOND_ONE_QUERY = 40_000;

describe.skipIf(skipPg)("a province's lists beyond one query's parameters (issue 30)", () => {
  const db = useTestDatabase();

  it("reads the statements of 40,000 employees, as the weekly check of a province asks", async () => {
    const district = await seedHrDistrict(db.prisma);
    await db.prisma.employeeStatement.create({
      data: {
        employeeId: district.ani.id,
        willing: false,
        reason: "MERAWAT_ORANG_TUA",
        note: "ibu sakit di Salor",
      },
    });
    await db.prisma.employeeStatement.create({ data: { employeeId: district.budi.id, willing: true } });
    const ids = Array.from({ length: BEYOND_ONE_QUERY }, (_, i) => i + 1_000);
    ids.push(district.budi.id, district.ani.id);

    const statements = await loadStatements(db.prisma, ids);

    expect([...statements.keys()].sort()).toEqual([district.ani.id, district.budi.id].sort());
    expect(statements.get(district.ani.id)).toMatchObject({
      willing: false,
      reason: "MERAWAT_ORANG_TUA",
      note: "ibu sakit di Salor",
    });
  });

  it("exports an agency's audit trail when its proposals over the years number more than one query takes", async () => {
    const district = await seedHrDistrict(db.prisma);
    // In one statement: Prisma's createMany takes half a minute for 40,000 rows.
    await db.prisma.$executeRaw`
      INSERT INTO "Proposal" ("employeeId", "fromUnitId", "toUnitId", "roleId", "agencyId", "status",
        "reason", "metrics", "createdAt", "expiresAt", "updatedAt")
      SELECT ${district.ani.id}, ${district.smp.id}, ${district.sd.id}, ${district.guruKelas.id},
        ${district.agency.id}, 'EXPIRED', 'SD Negeri 1 Salor kekurangan 24 JP guru kelas', '{}'::jsonb,
        timestamp '2026-01-01' + g * interval '1 minute', timestamp '2026-01-15' + g * interval '1 minute', now()
      FROM generate_series(1, ${BEYOND_ONE_QUERY}) AS g`;
    const [oldest, newest] = await Promise.all([
      db.prisma.proposal.findFirstOrThrow({ where: { status: "EXPIRED" }, orderBy: { id: "asc" } }),
      db.prisma.proposal.findFirstOrThrow({ where: { status: "EXPIRED" }, orderBy: { id: "desc" } }),
    ]);
    const line = (entityId: number, at: string) => ({
      actorName: "system",
      action: "proposal.expire",
      entity: "proposal",
      entityId: String(entityId),
      at: new Date(at),
    });
    await db.prisma.auditLog.createMany({
      data: [line(newest.id, "2026-11-20T00:00:00Z"), line(oldest.id, "2026-01-15T00:00:00Z")],
    });

    const exported = await exportTransfers(db.prisma, { agencyId: district.agency.id });

    expect(exported.audit.map((a) => a.entityId)).toEqual([String(oldest.id), String(newest.id)]);
    expect(exported.transfers.map((t) => t.proposalId)).toEqual([]);
  });

  it("plans each unit and role for its newest report of three years of monthly ones, none from a later month", async () => {
    const district = await seedHrDistrict(db.prisma);
    await db.prisma.workloadReport.deleteMany();
    // 36 months of the SD's class-teacher need (24 JP more each month), then a report for next January.
    await db.prisma.$executeRaw`
      INSERT INTO "WorkloadReport" ("unitId", "roleId", "hoursNeeded", "period", "updatedAt")
      SELECT ${district.sd.id}, ${district.guruKelas.id}, 24 * m,
        to_char(date '2024-01-01' + (m - 1) * interval '1 month', 'YYYY-MM'), now()
      FROM generate_series(1, 37) AS m`;
    await db.prisma.workloadReport.create({
      data: { unitId: district.smp.id, roleId: district.guruIpa.id, hoursNeeded: 30, period: "2025-03" },
    });
    const now = new Date("2026-12-07T00:30:00Z");
    const demand = (read: Awaited<ReturnType<typeof readDistrict>>, unitId: number, roleId: number) =>
      read.loads.find((l) => l.unitId === unitId && l.roleId === roleId)?.demand;

    const whole = await readDistrict(db.prisma, { now, timeZone: "Asia/Jayapura" });
    expect(whole.period).toBe("2026-12");
    expect(demand(whole, district.sd.id, district.guruKelas.id)).toBe(24 * 36);
    expect(demand(whole, district.smp.id, district.guruIpa.id)).toBe(30);
    const oneUnit = await readDistrict(db.prisma, {
      now,
      timeZone: "Asia/Jayapura",
      unitId: district.smp.id,
    });
    expect(oneUnit.loads.map((l) => [l.unitId, l.demand])).toEqual([[district.smp.id, 30]]);
    const otherAgency = await readDistrict(db.prisma, {
      now,
      timeZone: "Asia/Jayapura",
      agencyId: district.health.id,
    });
    expect(otherAgency.loads).toEqual([]);
  });
});
