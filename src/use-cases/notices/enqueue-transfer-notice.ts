import type { DbTx } from "../../db/client.ts";
import { letterRecipients, queueLetters, type NoticeRecipient } from "./queue-letters.ts";
import type { ProposalWithRelations } from "../../db/proposal-query.ts";
import { proposalMetricsSchema } from "../../domain/proposal-metrics.ts";
import { fullLoadGain } from "../../domain/workload.ts";
import { transferNoticeFile } from "../../documents/letters.ts";
import type { TransferNoticeData } from "../../documents/transfer-notice-pdf.ts";
import { employeeResponseData } from "../../messages/callback-data/employee-response.ts";
import { displayName } from "../../messages/employee-name.ts";
import { translate, type Locale } from "../../messages/locales/index.ts";

/**
 * When the team approves a proposal, the person moved is told why, in a letter (PDF) through the
 * outbox: to them if they have joined, else to the origin head to hand over. Written in the
 * approval's transaction, so the letter goes out exactly when the approval commits, once (the
 * outbox row, with its dedupe key per proposal and recipient, is the record that it was sent).
 */
export async function enqueueTransferNotice(
  db: DbTx,
  input: { proposal: ProposalWithRelations; now: Date; timeZone: string; locale: Locale },
): Promise<NoticeRecipient[]> {
  const { proposal } = input;
  const { employee, person, recipients } = await letterRecipients(db, proposal);
  // Nobody at all (no group either): the person joins later and reads the proposal in /saya's record.
  if (recipients.length === 0) return [];

  const metrics = proposalMetricsSchema.safeParse(proposal.metrics);
  const m = metrics.success ? metrics.data : null;
  const data: TransferNoticeData = {
    proposalId: proposal.id,
    agencyName: employee.unit.agency.name,
    approvedAt: input.now,
    timeZone: input.timeZone,
    person: {
      name: displayName(employee),
      nip: employee.nip,
      asnKind: employee.asnKind,
      golongan: employee.golongan,
    },
    from: { name: proposal.fromUnit.name, kecamatan: proposal.fromUnit.kecamatan },
    to: { name: proposal.toUnit.name, kecamatan: proposal.toUnit.kecamatan },
    fromRole: employee.role.name,
    toRole: proposal.role.name,
    reason: proposal.reason,
    hoursFilled: m?.unmetFilledHours ?? employee.weeklyHours,
    // The benefit to the person, when the data shows it: a certified teacher under 24 JP gets a full load.
    fullLoad: fullLoadGain(
      {
        certified: employee.certified,
        isTeacher: employee.role.isTeacher,
        hoursTaught: employee.hoursTaught,
        standardHours: employee.role.standardHours,
      },
      m?.unmetFilledHours ?? 0,
    ),
    hoursUnit: proposal.role.hoursUnit === "JP" || proposal.role.isTeacher ? "JP" : "jam",
    fromLoad: { before: m?.fromLoadBefore ?? null, after: m?.fromLoadAfter ?? null },
    toLoad: { before: m?.toLoadBefore ?? null, after: m?.toLoadAfter ?? null },
    joined: person !== null,
    redistribution: proposal.redistribution,
  };
  const filename = `pemberitahuan-mutasi-${proposal.id}.pdf`;

  return queueLetters(db, {
    proposalId: proposal.id,
    kind: "notice",
    file: transferNoticeFile(data, filename),
    recipients,
    locale: input.locale,
    caption: (locale, as) =>
      translate(locale, `notice.caption.${as}`, {
        name: data.person.name,
        nip: employee.nip,
        from: proposal.fromUnit.name,
        to: proposal.toUnit.name,
      }),
    button: (locale) => ({
      text: translate(locale, "notice.button.respond"),
      callback_data: employeeResponseData.pack("RESPONSE", proposal.id),
    }),
  });
}
