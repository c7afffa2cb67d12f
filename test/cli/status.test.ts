import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statusCommand } from "../../src/cli/commands/status.ts";
import { seedDemo } from "../../src/use-cases/seed-demo.ts";
import { testCli } from "../support/cli.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { fixedClock } from "../support/harness.ts";

describe("cli status", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.close());

  it("writes load ratios as the bot does: ∞ for a role with demand and nobody to do it", async () => {
    const clock = fixedClock();
    await db.prisma.$transaction((tx) => seedDemo(tx, { now: clock.now(), timeZone: "Asia/Jayapura" }), {
      timeout: 60_000,
    });
    const { ctx, out } = testCli(db.prisma, { clock });
    await statusCommand.run([], ctx);
    const lines = out.join("\n").split("\n");
    // SD Negeri 5 has class groups and no class teacher left (the demo's empty school).
    const sdn05 = lines.findIndex((line) => line.startsWith("SDN-05"));
    expect(sdn05).toBeGreaterThan(-1);
    const classTeachers = lines.slice(sdn05 + 1).find((line) => line.trim().startsWith("GURU_KELAS"));
    expect(classTeachers).toMatch(/load\s+∞ /);
    // Finite ratios in the English formatter: at most two decimals, a point.
    expect(lines.filter((line) => /load\s+\d+\.\d{3}/.test(line))).toEqual([]);
    expect(lines.some((line) => /load\s+\d+(\.\d{1,2})? /.test(line))).toBe(true);
    expect(out.join("\n")).not.toMatch(/Infinity|NaN/);
  });
});
