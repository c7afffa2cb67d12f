import { describe, expect, it } from "vitest";
import { inviteCommand } from "../../src/cli/commands/invite.ts";
import { testCli } from "../support/cli.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";

describe.skipIf(skipPg)("cli invite employee <NIP>", () => {
  const db = useTestDatabase();

  it("prints a code bound to the person, and refuses a wrong or unknown NIP with what to do", async () => {
    const { ani } = await seedSmallDistrict(db.prisma);
    const ok = testCli(db.prisma);
    await inviteCommand.run(["employee", ani.nip], ok.ctx);
    expect(ok.out[0]).toMatch(/^Invite for Ani Wulandari \(EMPLOYEE\), valid until 07-12-2026/);
    expect(ok.out[1]).toMatch(/^Code: \w{16}$/);
    expect(await db.prisma.invite.findFirstOrThrow()).toMatchObject({ role: "EMPLOYEE", employeeId: ani.id });

    await expect(inviteCommand.run(["employee", "12345"], testCli(db.prisma).ctx)).rejects.toMatchObject({
      message: expect.stringContaining("12345 is not a valid NIP or NI PPPK"),
    });
    await expect(
      inviteCommand.run(["pegawai", "199001012015011001"], testCli(db.prisma).ctx),
    ).rejects.toMatchObject({
      message: expect.stringContaining("No employee with NIP 199001012015011001. Import the employees first"),
    });
    await expect(inviteCommand.run(["employee"], testCli(db.prisma).ctx)).rejects.toMatchObject({
      message: expect.stringContaining("invite employee <NIP>"),
    });
    expect(await db.prisma.invite.count()).toBe(1);
  });
});
