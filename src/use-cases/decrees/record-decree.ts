import { z } from "zod";
import type { DbTx } from "../../db/client.ts";
import { enqueueDecreeLetter } from "./enqueue-decree-letter.ts";
import { takeDecreeEffect } from "./take-decree-effect.ts";
import { writeAudit } from "../../db/audit.ts";
import { loadProposal, proposalAudience, type ProposalWithRelations } from "../../db/proposal-query.ts";
import { changeProposal } from "../proposals/index.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import { getBlackouts } from "../../db/settings.ts";
import { holidayCalendar } from "../policy/index.ts";
import { approvalFrozenOn } from "../../domain/blackout.ts";
import { DomainError } from "../../domain/errors.ts";
import { formatDate, formatDateTime, localDate, readDayMonthYear } from "../../domain/time.ts";
import { addWorkingDays } from "../../domain/working-days.ts";
import { isLocale, translate, type Locale } from "../../messages/locales/index.ts";

/** A keberatan may be filed within 21 working days of the decree being made known (UU 30/2014 Pasal 77(1)). */
export const OBJECTION_WORKING_DAYS = 21;

const dayText = z.string().trim().min(1).max(20);

/** The SK as typed: its number (trimmed, 1–100 characters), its date and its TMT, both dd-mm-yyyy. */
export const decreeSchema = z.object({
  nomor: z.string().trim().min(1).max(100),
  tanggal: dayText,
  tmt: dayText,
});

export interface RecordDecreeInput {
  proposalId: number;
  nomor: string;
  /** dd-mm-yyyy. */
  tanggal: string;
  /** dd-mm-yyyy, not before the SK's date. */
  tmt: string;
  /** Who records it: an admin in chat, or the operator at the CLI (id null). */
  actor: { id: number | null; name: string };
  now: Date;
  timeZone: string;
  /** Language of the HR group's card. */
  locale: Locale;
  /** Where it came from, kept in the audit (e.g. `{ source: "import", line: 4 }`). */
  details?: Record<string, string | number>;
  /** Configured admins (ADMIN_TELEGRAM_IDS), told when a late SK's move cannot happen. */
  adminIds?: readonly bigint[];
}

function readDay(text: string): Date {
  const read = readDayMonthYear(text);
  if (!read.ok) throw new DomainError("decree_date_invalid", { text: text.trim() });
  return read.date;
}

/** The SK's number and dates read and checked, or the DomainError that says what is wrong. */
export function parseDecree(input: Pick<RecordDecreeInput, "nomor" | "tanggal" | "tmt">): {
  nomor: string;
  skDate: Date;
  tmt: Date;
} {
  const parsed = decreeSchema.safeParse(input);
  if (!parsed.success) {
    const bad = parsed.error.issues[0]?.path[0];
    if (bad === "nomor") throw new DomainError("decree_nomor_invalid");
    throw new DomainError("decree_date_invalid", { text: String(input[bad === "tmt" ? "tmt" : "tanggal"]) });
  }
  const skDate = readDay(parsed.data.tanggal);
  const tmt = readDay(parsed.data.tmt);
  if (tmt < skDate)
    throw new DomainError("decree_tmt_before_sk", {
      tmt: formatDate(tmt, "UTC"),
      date: formatDate(skDate, "UTC"),
    });
  return { nomor: parsed.data.nomor, skDate, tmt };
}

/**
 * The PPK's decree (SK mutasi) recorded on an approved proposal: APPROVED → DECREED with its number,
 * date and TMT, under a row lock and a guard on status and version (a second recording, or two at
 * once, give one outcome and the later one is told what is recorded). The keberatan deadline is the
 * 21st working day after today (WIT). Refused in an election freeze without the Minister's written
 * approval (UU 10/2016 Pasal 71(2)), as approvals are. The card is edited and the step audited.
 * An SK recorded on or after its TMT (recorded late) takes effect at once, as the daily job would
 * have done: the returned proposal is then EFFECTIVE (or CANCELLED when the move cannot happen).
 */
export async function recordDecree(db: DbTx, input: RecordDecreeInput): Promise<ProposalWithRelations> {
  const { nomor, skDate, tmt } = parseDecree(input);
  await db.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${input.proposalId} FOR UPDATE`;
  const proposal = await loadProposal(db, input.proposalId);
  if (!proposal) throw new DomainError("proposal_unknown");
  assertAwaitingDecree(proposal, input.timeZone);

  const today = localDate(input.now, input.timeZone);
  const freeze = approvalFrozenOn(await getBlackouts(db), today.toISOString().slice(0, 10));
  if (freeze) {
    throw new DomainError("decree_frozen", {
      reason: freeze.reason || "—",
      until: formatDate(new Date(`${freeze.to}T00:00:00Z`), "UTC"),
    });
  }
  const year = today.getUTCFullYear();
  const calendar = await holidayCalendar(db, [year, year + 1]);
  const objectionDeadline = addWorkingDays(
    today,
    OBJECTION_WORKING_DAYS,
    calendar.map((h) => h.day),
  );

  const fresh = await changeProposal(
    db,
    proposal,
    {
      status: "DECREED",
      skNumber: nomor,
      skDate,
      tmt,
      objectionDeadline,
      decreedAt: input.now,
      decreedById: input.actor.id,
    },
    input,
  );
  if (!fresh) throw new DomainError("already_handled");
  await writeAudit(db, {
    actorId: input.actor.id,
    actorName: input.actor.name,
    action: "proposal.decree",
    entity: "proposal",
    entityId: proposal.id,
    details: {
      skNumber: nomor,
      skDate: skDate.toISOString().slice(0, 10),
      tmt: tmt.toISOString().slice(0, 10),
      objectionDeadline: objectionDeadline.toISOString().slice(0, 10),
      nip: proposal.employee.nip,
      from: proposal.fromUnit.code,
      to: proposal.toUnit.code,
      ...input.details,
    },
  });
  // The SK letter with its keberatan button goes out exactly when the SK is recorded, once.
  await enqueueDecreeLetter(db, {
    proposal: fresh,
    now: input.now,
    timeZone: input.timeZone,
    locale: input.locale,
  });
  await tellHeads(db, fresh, input.locale);
  if (tmt > today) return fresh;
  await takeDecreeEffect(db, {
    proposalId: fresh.id,
    now: input.now,
    timeZone: input.timeZone,
    locale: input.locale,
    ...(input.adminIds ? { adminIds: input.adminIds } : {}),
  });
  return (await loadProposal(db, fresh.id)) ?? fresh;
}

/** Both heads hear that the SK is out and from when the person changes unit (they plan the handover). */
async function tellHeads(db: DbTx, proposal: ProposalWithRelations, fallback: Locale): Promise<void> {
  const heads = (await proposalAudience(db, proposal)).filter((user) => user.role === "UNIT_HEAD");
  for (const head of heads) {
    const locale = isLocale(head.locale) ? head.locale : fallback;
    const key = head.unitId === proposal.fromUnitId ? "decree.decreed.head_out" : "decree.decreed.head_in";
    const text = translate(locale, key, {
      sk: proposal.skNumber ?? "—",
      date: proposal.skDate ? formatDate(proposal.skDate, "UTC") : "—",
      tmt: proposal.tmt ? formatDate(proposal.tmt, "UTC") : "—",
      name: proposal.employee.name,
      nip: proposal.employee.nip,
      from: proposal.fromUnit.name,
      to: proposal.toUnit.name,
    });
    await enqueueMessage(db, {
      dedupeKey: `proposal:${proposal.id}:decreed:head:${head.id}`,
      chatId: head.telegramId,
      method: "sendMessage",
      payload: { chat_id: head.telegramId.toString(), text },
      priority: PRIORITY.notice,
    });
  }
}

function assertAwaitingDecree(proposal: ProposalWithRelations, timeZone: string): void {
  const day = (date: Date | null) => (date ? formatDate(date, "UTC") : "—");
  switch (proposal.status) {
    case "APPROVED":
      return;
    case "PENDING":
      throw new DomainError("decree_not_approved", { id: proposal.id, status: proposal.status });
    case "DECREED":
    case "EFFECTIVE":
      throw new DomainError("decree_already", {
        id: proposal.id,
        sk: proposal.skNumber ?? "—",
        date: day(proposal.skDate),
        tmt: day(proposal.tmt),
        at: proposal.decreedAt ? formatDateTime(proposal.decreedAt, timeZone) : "—",
      });
    default:
      throw new DomainError("decree_ended", { id: proposal.id, status: proposal.status });
  }
}
