import { describe, expect, it } from "vitest";
import { policyCommand } from "../../src/cli/commands/policy.ts";
import { readDistrict } from "../../src/db/read-district.ts";
import { recordStatement } from "../../src/use-cases/notices/index.ts";
import { testCli } from "../support/cli.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";

describe.skipIf(skipPg)(
  "policy unwilling-objection: whether an employee's 'not willing' keeps them out",
  () => {
    const db = useTestDatabase();

    it("is off by default; on, an unwilling person is not eligible; saying willing makes them eligible again", async () => {
      const { ani } = await seedSmallDistrict(db.prisma);
      const now = new Date("2026-11-30T00:00:00Z");
      const user = await db.prisma.user.create({
        data: { telegramId: 7001n, name: "Ani", role: "EMPLOYEE", employeeId: ani.id },
      });
      await recordStatement(db.prisma, {
        userId: user.id,
        change: { kind: "unwilling", reason: "MERAWAT_ORANG_TUA", note: null },
        now,
      });
      const eligibility = async () =>
        (await readDistrict(db.prisma, { now, timeZone: "Asia/Jayapura" })).employees.find(
          (e) => e.id === ani.id,
        )?.eligibility;

      const show = testCli(db.prisma);
      await policyCommand.run(["unwilling-objection"], show.ctx);
      expect(show.out).toEqual([expect.stringContaining("unwilling-objection: off")]);
      expect(await eligibility()).toMatchObject({ eligible: true });

      const on = testCli(db.prisma);
      await policyCommand.run(["unwilling-objection", "on"], on.ctx);
      expect(on.out).toEqual([expect.stringContaining("unwilling-objection: on")]);
      expect(await eligibility()).toMatchObject({ eligible: false, reasons: ["objection"] });
      expect(await db.prisma.auditLog.count({ where: { action: "policy.update" } })).toBe(1);

      await recordStatement(db.prisma, { userId: user.id, change: { kind: "willing" }, now });
      expect(await eligibility()).toMatchObject({ eligible: true });

      await expect(
        policyCommand.run(["unwilling-objection", "maybe"], testCli(db.prisma).ctx),
      ).rejects.toMatchObject({
        message: "usage: policy unwilling-objection [on|off]",
      });
    });
  },
);
