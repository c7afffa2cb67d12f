import type { Db } from "../../db/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { formatDate, localDate } from "../../domain/time.ts";
import { translate, type Locale } from "../../messages/locales/index.ts";
import { notifyUnitHeads } from "./notify-heads.ts";

/**
 * The cuti / tugas belajar part of the daily job: whoever's end date has passed (statusUntil is the
 * last day away, WIT) is AKTIF again and counts as capacity; audited, the heads told. Guarded by the
 * status and date read, so a head's change at the same moment wins and a second run does nothing.
 */
export async function endLapsedLeave(
  db: Db,
  input: { now: Date; timeZone: string; defaultLocale: Locale },
): Promise<number> {
  const today = localDate(input.now, input.timeZone);
  const people = await db.employee.findMany({
    where: { status: { in: ["CUTI", "TUGAS_BELAJAR"] }, statusUntil: { lt: today } },
    include: { unit: true },
    orderBy: { nip: "asc" },
  });
  let returned = 0;
  for (const person of people) {
    const until = person.statusUntil!;
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.employee.updateMany({
        where: { id: person.id, status: person.status, statusUntil: until },
        data: { status: "AKTIF", statusUntil: null },
      });
      if (count === 0) return false;
      const day = until.toISOString().slice(0, 10);
      await writeAudit(tx, {
        actorName: "system",
        action: "employee.status",
        entity: "employee",
        entityId: person.nip,
        details: { before: person.status, beforeUntil: day, status: "AKTIF", until: null, ended: true },
      });
      await notifyUnitHeads(tx, {
        unitId: person.unitId,
        dedupeKey: `leave-end:${person.nip}:${day}`,
        key: "leave.ended",
        params: (locale) => ({
          name: person.name,
          nip: person.nip,
          unit: person.unit.name,
          until: formatDate(until, "UTC"),
          status: translate(locale, `employee.status.${person.status}`),
        }),
        defaultLocale: input.defaultLocale,
        kind: "leave-end",
      });
      return true;
    });
    if (done) returned += 1;
  }
  return returned;
}
