import { describe, expect, it } from "vitest";
import { decideProposal } from "../../src/use-cases/proposals/index.ts";
import { getDistrictStatus } from "../../src/use-cases/status/index.ts";
import { seedDemo } from "../../src/use-cases/imports/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedHrDistrict } from "../support/hr-fixtures.ts";
import { approverActor } from "../support/actors.ts";

const now = new Date("2026-11-30T00:00:00Z");

describe.skipIf(skipPg)("district status (cli status --json)", () => {
  const db = useTestDatabase();

  it("seeds the Salor demo once: SD short of class teachers, SMP teachers under-loaded", async () => {
    const first = await db.prisma.$transaction((tx) => seedDemo(tx, { now, timeZone: "Asia/Jayapura" }), {
      timeout: 60_000,
    });
    expect(first).toMatchObject({ seeded: true, agencies: 3 });
    expect(first.employees).toBeGreaterThanOrEqual(300);
    expect(await db.prisma.unit.count({ where: { kind: "SD" } })).toBeGreaterThanOrEqual(20);
    expect(await db.prisma.unit.count({ where: { kind: "SMP" } })).toBeGreaterThanOrEqual(6);
    expect((await seedDemo(db.prisma, { now, timeZone: "Asia/Jayapura" })).seeded).toBe(false);

    const status = await getDistrictStatus(db.prisma, { now, timeZone: "Asia/Jayapura" });
    const classTeachers = status.units
      .filter((u) => u.kind === "SD")
      .flatMap((u) => u.roles.filter((r) => r.role === "GURU_KELAS"));
    expect(classTeachers.filter((r) => r.ratio === null || r.ratio > 1).length).toBeGreaterThan(10);
    const smpSubjects = status.units
      .filter((u) => u.kind === "SMP")
      .flatMap((u) => u.roles.filter((r) => r.role === "GURU_IPA"));
    expect(smpSubjects.every((r) => r.ratio !== null && r.ratio < 1)).toBe(true);
    expect(
      status.units.find((u) => u.code === "SDN-05")?.roles.find((r) => r.role === "GURU_KELAS"),
    ).toMatchObject({ staff: 0, ratio: null, band: "A" });
    expect(status.openVacancies.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(status))).toEqual(status);
  });

  it("lists pending proposals and the audit trail of decisions with who, when and why", async () => {
    const district = await seedHrDistrict(db.prisma, { now });
    let status = await getDistrictStatus(db.prisma, { now, timeZone: "Asia/Jayapura" });
    expect(status.pendingProposals).toEqual([
      expect.objectContaining({ id: district.proposal.id, from: "SMPN-02", to: "SDN-01" }),
    ]);
    expect(status.auditTrail).toEqual([]);

    await db.prisma.$transaction((tx) =>
      decideProposal(tx, {
        proposalId: district.proposal.id,
        actor: approverActor(district.rina.id),
        now,
        timeZone: "Asia/Jayapura",
        verdict: "REJECT",
        reason: "Guru IPA dibutuhkan untuk olimpiade sains semester ini",
        locale: "id",
      }),
    );
    status = await getDistrictStatus(db.prisma, { now, timeZone: "Asia/Jayapura" });
    expect(status.pendingProposals).toEqual([]);
    expect(status.auditTrail).toEqual([
      expect.objectContaining({
        proposalId: district.proposal.id,
        verdict: "REJECT",
        by: expect.objectContaining({ name: "Rina Kaize" }),
        reason: "Guru IPA dibutuhkan untuk olimpiade sains semester ini",
        outcome: "REJECTED",
      }),
    ]);
  });
});
