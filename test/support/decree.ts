import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { formatDate } from "../../src/domain/time.ts";
import { recordDecree } from "../../src/use-cases/record-decree.ts";
import { takeDecreeEffect } from "../../src/use-cases/take-decree-effect.ts";
import { runDailyLifecycle } from "../../src/jobs/daily-lifecycle.ts";
import { createLogger } from "../../src/logger.ts";

/**
 * What follows the team's approval, as the operator and the daily job do it: the SK recorded with
 * its TMT on `at` (WIT day), then the job on that TMT carries the move out. For tests of what a
 * carried-out move does (vacancies closed, the audit trail); the steps themselves are driven in
 * test/bot/decree-lifecycle.test.ts.
 */
export async function decreeAndTakeEffect(
  prisma: PrismaClient,
  proposalId: number,
  at: Date,
  options: { skNumber?: string } = {},
): Promise<void> {
  const day = formatDate(at, "Asia/Jayapura");
  const input = { now: at, timeZone: "Asia/Jayapura", locale: "id" as const };
  await prisma.$transaction((tx) =>
    recordDecree(tx, {
      ...input,
      proposalId,
      nomor: options.skNumber ?? `800/${proposalId}/BKPSDM/2026`,
      tanggal: day,
      tmt: day,
      actor: { id: null, name: "cli" },
    }),
  );
  const outcome = await prisma.$transaction((tx) => takeDecreeEffect(tx, { ...input, proposalId }));
  if (outcome !== "effective") throw new Error(`proposal ${proposalId} did not take effect: ${outcome}`);
}

/** The daily lifecycle job (retirements, cuti, the TMT step) as the scheduler runs it at `iso`, in WIT. */
export function runDailyAt(prisma: PrismaClient, iso: string, adminIds: readonly bigint[] = []) {
  return runDailyLifecycle(
    { db: prisma, logger: createLogger("silent") },
    { now: new Date(iso), timeZone: "Asia/Jayapura", defaultLocale: "id", adminIds: [...adminIds] },
  );
}
