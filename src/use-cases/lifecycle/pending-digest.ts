import { translate, type Locale } from "../../messages/locales/index.ts";
import type { DbTx } from "../../db/client.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import { formatDateTime, localDate } from "../../domain/time.ts";

/** A digest stays well under Telegram's 4,096 characters; /usulan lists everything. */
const MAX_ITEMS = 20;

/**
 * The daily digest: each active HR group with pending proposals gets one list of what still waits
 * for a decision. The dedupe key is the agency and the local date, so a retried run sends nothing twice.
 */
export async function queuePendingDigest(
  db: DbTx,
  input: { now: Date; timeZone: string; locale: Locale },
): Promise<number> {
  const groups = await db.hrGroup.findMany({
    where: { active: true },
    include: { agency: true },
    orderBy: { agencyId: "asc" },
  });
  const today = localDate(input.now, input.timeZone).toISOString().slice(0, 10);
  let queued = 0;
  for (const group of groups) {
    const pending = await db.proposal.findMany({
      where: { agencyId: group.agencyId, status: "PENDING", expiresAt: { gt: input.now } },
      include: { employee: true, fromUnit: true, toUnit: true },
      orderBy: { expiresAt: "asc" },
    });
    if (pending.length === 0) continue;
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
      translate(input.locale, key, params);
    const lines = [t("check.digest.title", { agency: group.agency.name, count: pending.length })];
    for (const p of pending.slice(0, MAX_ITEMS)) {
      lines.push(
        t("check.digest.item", {
          id: String(p.id),
          name: p.employee.name,
          from: p.fromUnit.name,
          to: p.toUnit.name,
          expires: formatDateTime(p.expiresAt, input.timeZone),
        }),
      );
    }
    if (pending.length > MAX_ITEMS) lines.push(t("check.digest.more", { count: pending.length - MAX_ITEMS }));
    const added = await enqueueMessage(db, {
      dedupeKey: `digest:${group.agencyId}:${today}`,
      chatId: group.chatId,
      method: "sendMessage",
      payload: { text: lines.join("\n") },
      priority: PRIORITY.bulk,
      kind: "digest",
    });
    if (added) queued += 1;
  }
  return queued;
}
