import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planCommand } from "../../src/cli/commands/plan.ts";
import { snapshotCommand } from "../../src/cli/commands/snapshot.ts";
import type { Plan, PlanInput } from "../../src/domain/balance/index.ts";
import { testCli } from "../support/cli.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";

describe.skipIf(skipPg)("snapshot writes what people said in /saya as volunteer and preferredUnits", () => {
  const db = useTestDatabase();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "seimbang-wishes-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("bersedia → volunteer, a kecamatan → every unit in it (any case), a school → its code, a vanished school → nothing; plan counts them", async () => {
    const d = await seedSmallDistrict(db.prisma);
    await db.prisma.unit.update({ where: { id: d.sd.id }, data: { kecamatan: "Semangga" } });
    const sd5 = await db.prisma.unit.create({
      data: {
        code: "SDN-05",
        name: "SD Negeri 5 Salor",
        kind: "SD",
        agencyId: d.agency.id,
        kecamatan: "semangga ",
      },
    });
    await db.prisma.workloadReport.createMany({
      data: [
        { unitId: d.sd.id, roleId: d.guruKelas.id, hoursNeeded: 48, period: "2026-11" },
        { unitId: d.smp.id, roleId: d.guruIpa.id, hoursNeeded: 0, period: "2026-11" },
      ],
    });
    await db.prisma.employeeStatement.create({
      data: {
        employeeId: d.ani.id,
        willing: true,
        preferences: [
          { kind: "kecamatan", name: "SEMANGGA" },
          { kind: "unit", unitId: d.smp.id, code: "SMPN-02", name: "SMP Negeri 2 Salor" },
          { kind: "unit", unitId: 9999, code: "SDN-99", name: "Sekolah yang sudah ditutup" },
        ],
      },
    });
    await db.prisma.employeeStatement.create({
      data: { employeeId: d.budi.id, willing: false, reason: "KESEHATAN", note: "Sakit punggung" },
    });

    const path = join(dir, "snapshot.json");
    const snapshot = testCli(db.prisma);
    await snapshotCommand.run(["--out", path], snapshot.ctx);
    const input = JSON.parse(await readFile(path, "utf8")) as PlanInput;
    const byId = new Map(input.employees.map((e) => [e.id, e]));
    expect(byId.get(d.ani.nip)).toMatchObject({
      volunteer: true,
      preferredUnits: [sd5.code, d.sd.code, d.smp.code].sort(),
    });
    // Not willing is no objection by default, and no wish either.
    const budi = byId.get(d.budi.nip);
    expect(budi).toMatchObject({ movable: true });
    expect(budi).not.toHaveProperty("volunteer");
    expect(budi).not.toHaveProperty("preferredUnits");

    const planned = testCli(db.prisma);
    await planCommand.run(["--input", path], planned.ctx);
    const plan = JSON.parse(planned.out.join("\n")) as Plan;
    expect(plan.moves.map((m) => [m.employee, m.to])).toEqual([[d.ani.nip, d.sd.code]]);
    expect(plan.metrics).toMatchObject({ volunteersMoved: 1, preferredDestinationsMet: 1 });
    expect(plan.moves[0]?.reason).toMatch(/bersedia \(sukarela\), tujuan yang diminta\.$/);

    // The same file with a school that is not in it is refused, naming the row.
    const broken = join(dir, "broken.json");
    const index = input.employees.findIndex((e) => e.id === d.ani.nip);
    await writeFile(
      broken,
      JSON.stringify({
        ...input,
        employees: input.employees.map((e, i) => (i === index ? { ...e, preferredUnits: ["SDN-99"] } : e)),
      }),
    );
    const refused = testCli(db.prisma);
    await expect(planCommand.run(["--input", broken], refused.ctx)).rejects.toThrow(
      `employees[${index}] (id ${d.ani.nip}): preferredUnits unit "SDN-99" is unknown`,
    );
  });
});
