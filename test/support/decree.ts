import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { formatDate } from "../../src/domain/time.ts";
import { recordDecree } from "../../src/use-cases/decrees/index.ts";
import { runDailyLifecycle } from "../../src/use-cases/lifecycle/index.ts";
import { createLogger } from "../../src/logger.ts";

/**
 * What follows the team's approval, as the operator does it: the SK recorded on `at` with that day
 * (WIT) as its TMT, so the move is carried out at once, as the daily job would on the TMT. For tests
 * of what a carried-out move does (vacancies closed, the audit trail); the steps themselves are
 * driven in test/bot/decree-lifecycle.test.ts.
 */
export async function decreeAndTakeEffect(
  prisma: PrismaClient,
  proposalId: number,
  at: Date,
  options: { skNumber?: string } = {},
): Promise<void> {
  const day = formatDate(at, "Asia/Jayapura");
  const input = { now: at, timeZone: "Asia/Jayapura", locale: "id" as const };
  const recorded = await prisma.$transaction((tx) =>
    recordDecree(tx, {
      ...input,
      proposalId,
      nomor: options.skNumber ?? `800/${proposalId}/BKPSDM/2026`,
      tanggal: day,
      tmt: day,
      actor: { id: null, name: "cli" },
    }),
  );
  if (recorded.status !== "EFFECTIVE")
    throw new Error(`proposal ${proposalId} did not take effect: ${recorded.status}`);
}

/** The daily lifecycle job (retirements, cuti, the TMT step) as the scheduler runs it at `iso`, in WIT. */
export function runDailyAt(prisma: PrismaClient, iso: string, adminIds: readonly bigint[] = []) {
  return runDailyLifecycle(
    { db: prisma, logger: createLogger("silent") },
    { now: new Date(iso), timeZone: "Asia/Jayapura", defaultLocale: "id", adminIds: [...adminIds] },
  );
}
