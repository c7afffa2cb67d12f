import { describe, expect, it } from "vitest";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { sentTexts, textUpdate } from "../support/telegram.ts";

describe.skipIf(skipPg)("/kebijakan swasta: the private-school policy in chat (issue 29)", () => {
  const db = useTestDatabase();

  it("an admin sets it for one agency, audited, and sees it per agency; a wrong word gets the usage; others are refused", async () => {
    await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma, {
      clock: fixedClock("2026-12-07T00:30:00Z"),
      adminIds: [BigInt(people.admin.id)],
    });
    await t.send(textUpdate(people.admin, "/kebijakan swasta permintaan DISDIK"));
    const [done, shown] = sentTexts(t.calls);
    expect(done).toBe("Kebijakan sekolah swasta diubah dan dicatat.");
    expect(shown).toContain(
      "• Dinas Pendidikan Merauke: atas permintaan (hanya sekolah swasta dengan permintaan guru terbuka)",
    );
    expect(shown).toContain("• Dinas Kesehatan Merauke: tidak (sekolah swasta tidak direncanakan)");
    expect(await db.prisma.agency.findUniqueOrThrow({ where: { code: "DISDIK" } })).toMatchObject({
      privateSchools: "ON_REQUEST",
    });
    expect(await db.prisma.auditLog.findFirstOrThrow({ where: { entity: "agency" } })).toMatchObject({
      // A configured admin without an account is named by their Telegram id, as elsewhere in the audit.
      actorName: "telegram:9001",
      entityId: "DISDIK",
    });

    const before = t.calls.length;
    await t.send(textUpdate(people.admin, "/kebijakan swasta kadang"));
    await t.send(textUpdate(people.rina, "/kebijakan swasta ya"));
    expect(sentTexts(t.calls, before)).toEqual([
      "Cara pakai: /kebijakan swasta tidak|permintaan|ya [KODE_INSTANSI]",
      expect.stringContaining("admin"),
    ]);
    expect(await db.prisma.auditLog.count({ where: { entity: "agency" } })).toBe(1);
  });
});
