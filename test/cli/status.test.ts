import { describe, expect, it } from "vitest";
import { statusCommand } from "../../src/cli/commands/status.ts";
import { seedDemo } from "../../src/use-cases/imports/index.ts";
import { testCli } from "../support/cli.ts";
import { useTestDatabase } from "../support/db.ts";
import { fixedClock } from "../support/harness.ts";

describe("cli status", () => {
  const db = useTestDatabase();

  it("writes loads as the bot does: percent and words, and no staff yet instead of ∞", async () => {
    const clock = fixedClock();
    await db.prisma.$transaction((tx) => seedDemo(tx, { now: clock.now(), timeZone: "Asia/Jayapura" }), {
      timeout: 60_000,
    });
    await db.prisma.user.create({ data: { telegramId: 6004n, name: "Siti", role: "UNIT_HEAD" } });
    const { ctx, out } = testCli(db.prisma, { clock });
    await statusCommand.run([], ctx);
    const lines = out.join("\n").split("\n");
    // SD Negeri 5 has class groups and no class teacher left (the demo's empty school).
    const sdn05 = lines.findIndex((line) => line.startsWith("SDN-05"));
    expect(sdn05).toBeGreaterThan(-1);
    const classTeachers = lines.slice(sdn05 + 1).find((line) => line.trim().startsWith("GURU_KELAS"));
    expect(classTeachers).toMatch(/ no staff yet /);
    // What is short or in excess first, then the load as a whole percentage; no decimal ratio, no ABK letter.
    const loadLines = lines.filter((line) => / \(load \d+%\)|no staff yet/.test(line));
    expect(loadLines.length).toBeGreaterThan(10);
    for (const line of loadLines)
      expect(line).toMatch(
        /[ ,](no staff yet|(very short of staff|short of staff|more staff than work) \(load \d+%\)|balanced \(load \d+%\))( |$)/,
      );
    expect(out.join("\n")).not.toMatch(/Infinity|NaN|∞/);
    // The codes `invite hr` takes are listed; roles and hours read as words, JP and jam apart (issue 25).
    expect(lines).toContain(
      "Agencies (the code invite hr takes): BKPSDM BKPSDM Kabupaten Merauke (1 units), DINKES Dinas Kesehatan Kabupaten Merauke (3 units), DISDIK Dinas Pendidikan dan Kebudayaan Kabupaten Merauke (28 units)",
    );
    expect(lines[0]).toMatch(
      /a week: demand [\d,.]+ JP \+ [\d,.]+ h, capacity [\d,.]+ JP \+ [\d,.]+ h, unmet [\d,.]+ JP \+ [\d,.]+ h$/,
    );
    expect(lines).toContain("Users: unit heads 1");
    expect(out.join("\n")).not.toMatch(/UNIT_HEAD|HR_APPROVER/);
    const json = testCli(db.prisma, { clock });
    await statusCommand.run(["--json"], json.ctx);
    const units = (JSON.parse(json.out.join("\n")) as { units: Array<{ band: string }> }).units;
    expect(units.every((unit) => /^[A-E]$/.test(unit.band))).toBe(true);
  });
});
