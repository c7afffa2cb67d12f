import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { runBalancingCheck } from "../../src/use-cases/balancing-check/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { fixedClock } from "../support/harness.ts";

describe.skipIf(skipPg)(
  "the month's first alert names what only hiring fills and the year's retirements (issue 28)",
  () => {
    const db = useTestDatabase();

    it("says it on the first check of December, not on the second, and again in January", async () => {
      const district = await seedSmallDistrict(db.prisma);
      // The SD needs 48 JP of class teaching and has Budi's 24; the SMP needs 4 JP of IPA and has Ani's 24.
      await db.prisma.workloadReport.createMany({
        data: [
          { unitId: district.sd.id, roleId: district.guruKelas.id, hoursNeeded: 48, period: "2026-11" },
          { unitId: district.smp.id, roleId: district.guruIpa.id, hoursNeeded: 4, period: "2026-11" },
        ],
      });
      await db.prisma.hrGroup.create({
        data: { chatId: -100123n, title: "Tim Mutasi Disdik", agencyId: district.agency.id },
      });
      // Budi turns 60, his BUP as a teacher, on 20 May 2027.
      await db.prisma.employee.update({
        where: { id: district.budi.id },
        data: { birthDate: new Date("1967-05-20") },
      });
      const clock = fixedClock("2026-12-07T00:00:00Z");
      const check = () =>
        runBalancingCheck(db.prisma, clock, {
          trigger: "SCHEDULE",
          post: true,
          timeZone: "Asia/Jayapura",
          locale: "id",
          logger: createLogger("silent"),
        });
      const alerts = async () =>
        (
          await db.prisma.outboxMessage.findMany({
            where: { kind: "balancing-alert" },
            orderBy: { id: "asc" },
          })
        ).map((m) => String((m.payload as { text: string }).text));

      await check();
      const [december] = await alerts();
      // Ani moves to the SD; the SMP's 4 JP of IPA can only be hired for: one Guru IPA.
      expect(december).toContain(
        "📋 <b>Kebutuhan yang tidak dapat dipenuhi mutasi</b>: 1 Guru IPA — lihat /formasi",
      );
      expect(december).toContain(
        "👤 <b>Pensiun 12 bulan ke depan</b> (orang):\n• SD Negeri 1 Salor: 1 (1 Guru Kelas SD)",
      );

      clock.set("2026-12-14T00:00:00Z");
      await check();
      const second = (await alerts())[1];
      expect(second).toBeDefined();
      expect(second).not.toContain("Kebutuhan yang tidak dapat dipenuhi mutasi");
      expect(second).not.toContain("Pensiun 12 bulan ke depan");

      clock.set("2027-01-04T00:00:00Z");
      await check();
      const january = (await alerts())[2];
      expect(january).toContain("lihat /formasi");
      expect(january).toContain("• SD Negeri 1 Salor: 1 (1 Guru Kelas SD)");
    });
  },
);
