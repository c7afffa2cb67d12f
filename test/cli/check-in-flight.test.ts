// Issue 24, "Done when": on the demo, three `check --post` in a row with nothing decided leave the
// same proposals in flight as the first, within the caps; the second and third create nothing.
import { describe, expect, it } from "vitest";
import { checkCommand } from "../../src/cli/commands/check.ts";
import { policyCommand } from "../../src/cli/commands/policy.ts";
import { seedDemo } from "../../src/use-cases/imports/index.ts";
import { testCli } from "../support/cli.ts";
import { useTestDatabase } from "../support/db.ts";
import { fixedClock } from "../support/harness.ts";

describe("cli check --post three times on the demo", () => {
  const db = useTestDatabase();

  it("keeps the first check's proposals in flight, creates nothing more and stays within the caps", async () => {
    const clock = fixedClock("2026-11-30T00:00:00Z");
    await db.prisma.$transaction((tx) => seedDemo(tx, { now: clock.now(), timeZone: "Asia/Jayapura" }), {
      timeout: 60_000,
    });
    const inFlight = () =>
      db.prisma.proposal.findMany({
        where: { status: "PENDING" },
        select: { id: true, employeeId: true, toUnitId: true, fromUnitId: true, version: true },
        orderBy: { id: "asc" },
      });
    const lines: string[] = [];
    for (let run = 1; run <= 3; run++) {
      const cli = testCli(db.prisma, { clock });
      await checkCommand.run(["--post"], cli.ctx);
      lines.push(cli.out[0] ?? "");
      clock.advance(3_600_000);
    }
    const first = lines[0] ?? "";
    const created = Number(/(\d+) proposals created/.exec(first)?.[1]);
    expect(created).toBeGreaterThan(10);
    for (const line of lines.slice(1)) {
      expect(line).toContain(
        `0 proposals created; in flight: ${created} pending kept, 0 withdrawn, 0 committed`,
      );
    }
    const pending = await inFlight();
    expect(pending).toHaveLength(created);
    expect(pending.every((p) => p.version === 1)).toBe(true);
    // maxMovesPerUnit 3 (the default): no unit is touched by more than three moves in flight.
    const touching = new Map<number, number>();
    for (const p of pending)
      for (const unit of [p.fromUnitId, p.toUnitId]) touching.set(unit, (touching.get(unit) ?? 0) + 1);
    expect(Math.max(...touching.values())).toBeLessThanOrEqual(3);
    expect(await db.prisma.balancingRun.count()).toBe(3);
  });

  it("policy cap-window and rejection-cooldown show and set their months, audited; bad values change nothing", async () => {
    const cli = testCli(db.prisma);
    await policyCommand.run(["cap-window"], cli.ctx);
    await policyCommand.run(["rejection-cooldown", "3"], cli.ctx);
    await policyCommand.run(["rejection-cooldown"], cli.ctx);
    expect(cli.out).toEqual([
      "cap-window: 12 months (moves in flight and transfers effective in the last 12 months count against the caps)",
      "rejection-cooldown: 3 months (a rejected school, or person, is not proposed again for 3 months)",
      "rejection-cooldown: 3 months (a rejected school, or person, is not proposed again for 3 months)",
    ]);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "policy.update" } });
    expect(audit).toMatchObject({
      entityId: "policy.rejectionCooldownMonths",
      details: { before: 6, after: 3 },
    });
    await expect(policyCommand.run(["cap-window", "abc"], cli.ctx)).rejects.toMatchObject({ exitCode: 2 });
    await expect(policyCommand.run(["cap-window", "99"], cli.ctx)).rejects.toThrow(/0 to 60/);
    expect(await db.prisma.setting.findUnique({ where: { key: "policy.capWindowMonths" } })).toBeNull();
  });
});
