// The holidays a keberatan's 21 working days skip are kept at the CLI, not as a raw settings row (issue 15).
import { describe, expect, it } from "vitest";
import { policyCommand } from "../../src/cli/commands/policy.ts";
import { testCli } from "../support/cli.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";

describe.skipIf(skipPg)("policy holiday (issue 15)", () => {
  const db = useTestDatabase();

  const cli = async (args: string[]) => {
    const run = testCli(db.prisma);
    await policyCommand.run(["holiday", ...args], run.ctx);
    return run.out;
  };
  const stored = async () =>
    (await db.prisma.setting.findUnique({ where: { key: "policy.holidays" } }))?.value ?? null;

  it("lists Indonesia's national holidays by default; adds cuti bersama, removes and restores a day, audited", async () => {
    // A fresh install knows the national holidays of this year and the next (issue 25).
    const fresh = await cli(["list"]);
    expect(fresh).toContain("25-12-2026  Hari Raya Natal (national)");
    expect(fresh).toContain("01-01-2027  Hari tahun baru (national)");
    expect(fresh).toContain("16-01-2026  Isra Mikraj Nabi Muhammad (national)");
    expect(await cli(["add", "24-12-2026", "31-12-2026"])).toEqual(["added 2: 24-12-2026, 31-12-2026"]);
    expect(await cli(["add", "24-12-2026"])).toEqual(["added 0: 24-12-2026, 31-12-2026"]);
    expect(await stored()).toEqual(["2026-12-24", "2026-12-31"]);
    const listed = await cli(["list"]);
    expect(
      listed.slice(
        listed.indexOf("24-12-2026  (added by an admin)"),
        listed.indexOf("01-01-2027  Hari tahun baru (national)") + 1,
      ),
    ).toEqual([
      "24-12-2026  (added by an admin)",
      "25-12-2026  Hari Raya Natal (national)",
      "31-12-2026  (added by an admin)",
      "01-01-2027  Hari tahun baru (national)",
    ]);
    // A national day the government moved comes off the calendar, and back when added again.
    expect(await cli(["remove", "25-12-2026"])).toEqual(["removed 25-12-2026: 24-12-2026, 31-12-2026"]);
    expect(await cli(["list"])).not.toContain("25-12-2026  Hari Raya Natal (national)");
    await cli(["add", "25-12-2026"]);
    expect(await cli(["list"])).toContain("25-12-2026  Hari Raya Natal (national)");
    expect(await cli(["remove", "24-12-2026"])).toEqual(["removed 24-12-2026: 25-12-2026, 31-12-2026"]);
    const audit = await db.prisma.auditLog.findMany({
      where: { entityId: { startsWith: "policy.holidays" } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.entityId, a.details])).toEqual([
      ["policy.holiday.add", "policy.holidays", { days: ["2026-12-24", "2026-12-31"] }],
      ["policy.holiday.add", "policy.holidays", { days: [] }],
      ["policy.holiday.remove", "policy.holidays.removed", { days: ["2026-12-25"], national: true }],
      ["policy.holiday.add", "policy.holidays", { days: ["2026-12-25"] }],
      ["policy.holiday.remove", "policy.holidays", { days: ["2026-12-24"] }],
    ]);
  });

  it("a bad date or an unlisted day is refused with exit 1 and changes nothing; bad usage is exit 2", async () => {
    await cli(["add", "24-12-2026"]);
    await expect(cli(["add", "01-01-2027", "2026-12-31"])).rejects.toMatchObject({
      exitCode: 1,
      message: "«2026-12-31» is not a date. Write dd-mm-yyyy, e.g. 25-12-2026.",
    });
    await expect(cli(["remove", "26-12-2026"])).rejects.toMatchObject({
      exitCode: 1,
      message: "26-12-2026 is not in the list of holidays.",
    });
    expect(await stored()).toEqual(["2026-12-24"]);
    expect(await db.prisma.auditLog.count({ where: { entityId: "policy.holidays" } })).toBe(1);
    await expect(cli(["add"])).rejects.toMatchObject({ exitCode: 2 });
    await expect(cli(["remove", "24-12-2026", "01-01-2027"])).rejects.toMatchObject({ exitCode: 2 });
    await expect(cli(["clear"])).rejects.toMatchObject({ exitCode: 2 });
  });
});
