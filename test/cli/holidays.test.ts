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

  it("adds, lists and removes days in order, once each, audited", async () => {
    expect(await cli(["list"])).toEqual(["no holidays listed"]);
    expect(await cli(["add", "25-12-2026", "24-12-2026"])).toEqual(["added 2: 24-12-2026, 25-12-2026"]);
    expect(await cli(["add", "25-12-2026", "01-01-2027"])).toEqual([
      "added 1: 24-12-2026, 25-12-2026, 01-01-2027",
    ]);
    expect(await stored()).toEqual(["2026-12-24", "2026-12-25", "2027-01-01"]);
    expect(await cli(["remove", "24-12-2026"])).toEqual(["removed 24-12-2026: 25-12-2026, 01-01-2027"]);
    expect(await cli(["list"])).toEqual(["25-12-2026, 01-01-2027"]);
    const audit = await db.prisma.auditLog.findMany({
      where: { entityId: "policy.holidays" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorName, a.details])).toEqual([
      ["policy.holiday.add", "cli", { days: ["2026-12-24", "2026-12-25"] }],
      ["policy.holiday.add", "cli", { days: ["2027-01-01"] }],
      ["policy.holiday.remove", "cli", { days: ["2026-12-24"] }],
    ]);
  });

  it("a bad date or an unlisted day is refused with exit 1 and changes nothing; bad usage is exit 2", async () => {
    await cli(["add", "25-12-2026"]);
    await expect(cli(["add", "01-01-2027", "2026-12-31"])).rejects.toMatchObject({
      exitCode: 1,
      message: "«2026-12-31» is not a date. Write dd-mm-yyyy, e.g. 25-12-2026.",
    });
    await expect(cli(["remove", "26-12-2026"])).rejects.toMatchObject({
      exitCode: 1,
      message: "26-12-2026 is not in the list of holidays.",
    });
    expect(await stored()).toEqual(["2026-12-25"]);
    expect(await db.prisma.auditLog.count({ where: { entityId: "policy.holidays" } })).toBe(1);
    await expect(cli(["add"])).rejects.toMatchObject({ exitCode: 2 });
    await expect(cli(["remove", "25-12-2026", "01-01-2027"])).rejects.toMatchObject({ exitCode: 2 });
    await expect(cli(["clear"])).rejects.toMatchObject({ exitCode: 2 });
  });
});
