import type { Db, DbTx } from "../../db/client.ts";
import { writeAudit } from "../../db/audit.ts";
import { expireProposal } from "../proposals/index.ts";
import { queueVacancyNotice } from "../units/index.ts";
import { retirementDate } from "../../domain/eligibility.ts";
import { personRetirementAge } from "../../domain/retirement-age.ts";
import { formatDate, localDate } from "../../domain/time.ts";
import { type Locale, translate } from "../../messages/locales/index.ts";
import { vacancyNoticeText } from "../../messages/vacancy-text.ts";
import { notifyUnitHeads } from "./notify-heads.ts";

/** Heads hear of a retirement this many days before the date (PP 11/2017: the BUP is known long ahead). */
export const RETIREMENT_NOTICE_DAYS = 30;
/** No role's BUP may be set below this (roles set --bup, the jabatan sheet): nobody younger is read. */
const YOUNGEST_BUP = 50;
const DAY_MS = 86_400_000;

export interface RetirementRun {
  retired: number;
  noticed: number;
}

/**
 * The retirement part of the daily job, in WIT. Everyone still counting whose retirement date (birth
 * date + their BUP, personRetirementAge) is today or past becomes PENSIUN, and an OPEN vacancy
 * (PENSIUN, 1 post) opens for their unit and role so the need stays visible; both audited and
 * the heads and the HR group told, and their pending proposals lapse (the card says so), in one transaction per person. Whoever retires within 30 days gets their heads a
 * notice naming the person, role and date. Idempotent: the status guard and the dedupe keys mean a
 * second run, or a second instance, changes and sends nothing more.
 */
export async function processRetirements(
  db: Db,
  input: { now: Date; timeZone: string; defaultLocale: Locale },
): Promise<RetirementRun> {
  const today = localDate(input.now, input.timeZone);
  const horizon = new Date(today.getTime() + RETIREMENT_NOTICE_DAYS * DAY_MS);
  const bornBy = new Date(horizon);
  bornBy.setUTCFullYear(bornBy.getUTCFullYear() - YOUNGEST_BUP);
  const people = await db.employee.findMany({
    where: { status: { notIn: ["PENSIUN", "NONAKTIF"] }, birthDate: { lte: bornBy } },
    include: { role: true, unit: true },
    orderBy: { nip: "asc" },
  });
  const run: RetirementRun = { retired: 0, noticed: 0 };
  for (const person of people) {
    const age = personRetirementAge(person.role, person);
    const date = retirementDate(person.birthDate, age);
    if (date.getTime() > horizon.getTime()) continue;
    const params = {
      name: person.name,
      nip: person.nip,
      role: person.role.name,
      unit: person.unit.name,
      age,
      date: formatDate(date, "UTC"),
    };
    const day = date.toISOString().slice(0, 10);
    if (date.getTime() > today.getTime()) {
      run.noticed += await notifyUnitHeads(db, {
        unitId: person.unitId,
        dedupeKey: `retire-notice:${person.nip}:${day}`,
        key: "retire.notice_month",
        params,
        defaultLocale: input.defaultLocale,
        kind: "retirement-notice",
      });
      continue;
    }
    const retired = await db.$transaction(async (tx) => {
      const { count } = await tx.employee.updateMany({
        where: { id: person.id, status: person.status },
        data: { status: "PENSIUN", statusUntil: null },
      });
      if (count === 0) return false;
      const vacancy = await tx.vacancy.create({
        data: { unitId: person.unitId, roleId: person.roleId, count: 1, reason: "PENSIUN", since: date },
      });
      await writeAudit(tx, {
        actorName: "system",
        action: "employee.retire",
        entity: "employee",
        entityId: person.nip,
        details: { before: person.status, age, date: day, unit: person.unit.code, vacancyId: vacancy.id },
      });
      await writeAudit(tx, {
        actorName: "system",
        action: "vacancy.open",
        entity: "vacancy",
        entityId: vacancy.id,
        details: {
          unit: person.unit.code,
          role: person.role.code,
          count: 1,
          reason: "PENSIUN",
          nip: person.nip,
        },
      });
      await lapsePendingProposals(tx, person.id, input);
      // The HR group hears of it as of any vacancy a head reports (same key: one notice per vacancy).
      await queueVacancyNotice(
        tx,
        person.unit.agencyId,
        {
          vacancyId: vacancy.id,
          unitName: person.unit.name,
          roleName: person.role.name,
          count: 1,
          reason: "PENSIUN",
          reasonText: null,
          since: date,
          reporterName: translate(input.defaultLocale, "retire.reporter", { name: person.name }),
        },
        (notice) => vacancyNoticeText(input.defaultLocale, notice),
      );
      await notifyUnitHeads(tx, {
        unitId: person.unitId,
        dedupeKey: `retired:${person.nip}`,
        key: "retire.done",
        params: { ...params, id: String(vacancy.id) },
        defaultLocale: input.defaultLocale,
        kind: "retirement",
      });
      return true;
    });
    if (retired) run.retired += 1;
  }
  return run;
}

/** A retired person is moved nowhere: their pending proposals lapse and the cards are edited to say so. */
async function lapsePendingProposals(
  tx: DbTx,
  employeeId: number,
  input: { now: Date; timeZone: string; defaultLocale: Locale },
): Promise<void> {
  const pending = await tx.proposal.findMany({ where: { employeeId, status: "PENDING" } });
  for (const proposal of pending) {
    await expireProposal(tx, proposal, { ...input, locale: input.defaultLocale }, { reason: "retired" });
  }
}
