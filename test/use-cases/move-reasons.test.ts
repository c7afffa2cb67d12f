// Issue 25: a move that leaves its origin short says why it is still worth it, in the words of the
// engine's severity tier (the deepest shortage first).
import { describe, expect, it } from "vitest";
import { runBalancingCheck } from "../../src/use-cases/balancing-check/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { fixedClock } from "../support/harness.ts";

describe.skipIf(skipPg)("a move's reason", () => {
  const db = useTestDatabase();

  it("says the origin is left short but the destination is short deeper", async () => {
    const d = await seedSmallDistrict(db.prisma);
    // SD 1 has its two class teachers for two classes; SD 7 has two classes and no teacher at all.
    await db.prisma.employee.create({
      data: {
        nip: "198202022008012002",
        name: "Citra Dewi",
        unitId: d.sd.id,
        roleId: d.guruKelas.id,
        weeklyHours: 24,
        birthDate: new Date("1982-02-02"),
        postSince: new Date("2012-01-01"),
      },
    });
    const sd7 = await db.prisma.unit.create({
      data: {
        code: "SDN-07",
        name: "SD Negeri 7 Salor",
        kind: "SD",
        agencyId: d.agency.id,
        lat: -8.44,
        lon: 140.4,
      },
    });
    for (const [unitId, roleId, hoursNeeded] of [
      [d.sd.id, d.guruKelas.id, 48],
      [sd7.id, d.guruKelas.id, 48],
      [d.smp.id, d.guruIpa.id, 24],
    ] as const)
      await db.prisma.workloadReport.create({ data: { unitId, roleId, hoursNeeded, period: "2026-11" } });

    const result = await runBalancingCheck(db.prisma, fixedClock("2026-11-30T00:00:00Z"), {
      trigger: "CLI",
      post: false,
      timeZone: "Asia/Jayapura",
      locale: "id",
    });
    const moved = result.proposals.find((p) => p.from === "SDN-01");
    expect(moved?.to).toBe("SDN-07");
    expect(moved?.reason).toContain(
      "SD Negeri 1 Salor menjadi kurang 24 JP, tetapi kekurangan di SD Negeri 7 Salor lebih dalam (100% kebutuhannya belum terpenuhi, di SD Negeri 1 Salor 50%) dan kekurangan terdalam didahulukan",
    );
  });
});
