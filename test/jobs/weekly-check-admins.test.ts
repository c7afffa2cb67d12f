import { describe, expect, it } from "vitest";
import { defaultJobs } from "../../src/jobs/scheduler.ts";
import { createLogger } from "../../src/logger.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { fixedClock } from "../support/harness.ts";

describe.skipIf(skipPg)("the scheduled weekly check", () => {
  const db = useTestDatabase();

  it("tells the configured admin ids of a proposal whose agency has no HR group, as /cek does", async () => {
    const district = await seedSmallDistrict(db.prisma);
    await db.prisma.workloadReport.create({
      data: { unitId: district.sd.id, roleId: district.guruKelas.id, hoursNeeded: 48, period: "2026-11" },
    });
    await db.prisma.workloadReport.create({
      data: { unitId: district.smp.id, roleId: district.guruIpa.id, hoursNeeded: 4, period: "2026-11" },
    });
    const jobs = defaultJobs({
      db: db.prisma,
      clock: fixedClock("2026-11-30T00:00:00Z"),
      logger: createLogger("silent"),
      config: {
        SCHEDULE_TIMEZONE: "Asia/Jayapura",
        WEEKLY_CHECK_CRON: "0 8 * * 1",
        DEFAULT_LOCALE: "id",
        ADMIN_TELEGRAM_IDS: [555_001n],
      },
    });
    const weekly = jobs.find((job) => job.name === "weekly-check");
    await weekly?.run(new Date("2026-11-30T00:00:00Z"));

    const proposal = await db.prisma.proposal.findFirstOrThrow();
    expect(proposal.cardMessageId).toBeNull();
    const notices = await db.prisma.outboxMessage.findMany({ where: { chatId: 555_001n } });
    expect(notices).toHaveLength(1);
    const text = String((notices[0]?.payload as { text?: unknown }).text);
    expect(text).toContain(`#${proposal.id}`);
    expect(text).toContain("belum punya grup HR");
  });
});
