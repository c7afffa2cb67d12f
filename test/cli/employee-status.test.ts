import { describe, expect, it } from "vitest";
import { employeeCommand } from "../../src/cli/commands/employee.ts";
import { useTestDatabase } from "../support/db.ts";
import { testCli } from "../support/cli.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { fixedClock } from "../support/harness.ts";

describe("cli employee status", () => {
  const db = useTestDatabase();

  const cli = () => testCli(db.prisma, { clock: fixedClock("2026-11-30T00:00:00Z") });
  const ani = "198501012010012001";

  it("puts a person on tugas belajar until a date and back to aktif, audited", async () => {
    await seedSmallDistrict(db.prisma);
    const tb = cli();
    await employeeCommand.run(["status", ani, "tugas-belajar", "--until", "30-06-2028"], tb.ctx);
    expect(tb.out).toEqual([
      `${ani} Ani Wulandari (SMP Negeri 2 Salor): aktif → tugas belajar until 30-06-2028`,
    ]);
    const stored = await db.prisma.employee.findUniqueOrThrow({ where: { nip: ani } });
    expect(stored.status).toBe("TUGAS_BELAJAR");
    expect(stored.statusUntil?.toISOString().slice(0, 10)).toBe("2028-06-30");

    const again = cli();
    await employeeCommand.run(["status", ani, "tugas-belajar", "--until", "30-06-2028"], again.ctx);
    expect(again.out).toEqual([
      `${ani} Ani Wulandari is already tugas belajar until 30-06-2028; nothing changed.`,
    ]);

    const back = cli();
    await employeeCommand.run(["status", ani, "aktif"], back.ctx);
    expect(back.out).toEqual([`${ani} Ani Wulandari (SMP Negeri 2 Salor): tugas belajar → aktif`]);
    expect(await db.prisma.auditLog.count({ where: { action: "employee.status", actorName: "cli" } })).toBe(
      2,
    );
  });

  it("answers an operator's mistake with exit 1 and bad usage with exit 2, changing nothing", async () => {
    await seedSmallDistrict(db.prisma);
    const fails = async (args: string[], exitCode: 1 | 2, message: string) =>
      expect(employeeCommand.run(args, cli().ctx)).rejects.toMatchObject({
        exitCode,
        message: expect.stringContaining(message),
      });
    await fails(["status"], 2, "usage: employee status");
    await fails(["list"], 2, "usage: employee status");
    await fails(["status", ani, "cuti", "31-01-2027"], 2, "usage: employee status");
    await fails(["status", ani, "libur"], 2, "«libur» is not a known status");
    await fails(["status", "199912312020121001", "cuti", "--until", "31-01-2027"], 1, "No employee has NIP");
    await fails(["status", ani, "cuti"], 1, "need an end date");
    await fails(["status", ani, "cuti", "--until", "29-11-2026"], 1, "is not after today (30-11-2026)");
    await fails(["status", ani, "cuti", "--until", "2027-01-31"], 1, "«2027-01-31» is not a date");
    await fails(
      ["status", ani, "aktif", "--until", "31-01-2027"],
      1,
      "Active takes no date; leave the date out.",
    );
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { nip: ani } })).toMatchObject({
      status: "AKTIF",
      statusUntil: null,
    });
    expect(await db.prisma.auditLog.count()).toBe(0);
  });
});
