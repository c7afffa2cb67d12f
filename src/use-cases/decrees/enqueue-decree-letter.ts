import { holidayCalendar } from "../policy/index.ts";
import { localDate } from "../../domain/time.ts";
import type { DbTx } from "../../db/client.ts";
import type { Proposal } from "../../generated/prisma/client.ts";
import type { DecreeLetterData } from "../../documents/decree-letter-pdf.ts";
import { decreeLetterFile } from "../../documents/letters.ts";
import { DomainError } from "../../domain/errors.ts";
import { formatDate } from "../../domain/time.ts";
import { employeeResponseData } from "../../messages/callback-data/employee-response.ts";
import { displayName } from "../../messages/employee-name.ts";
import { translate, type Locale } from "../../messages/locales/index.ts";
import { letterRecipients, queueLetters, type NoticeRecipient } from "../notices/index.ts";

/**
 * When the SK is recorded, the person is sent the second letter (PDF, through the outbox): the SK's
 * number, date and TMT, and their right to a keberatan within 21 working days (UU 30/2014 Pasal 77)
 * until the proposal's objectionDeadline, with an "Ajukan keberatan" button; or, if they have not
 * joined, the origin head gets it to hand over. Called in the transaction that records the SK; the
 * dedupe key per proposal and recipient makes a second call send nothing more.
 */
export async function enqueueDecreeLetter(
  db: DbTx,
  input: {
    proposal: Pick<
      Proposal,
      | "id"
      | "employeeId"
      | "agencyId"
      | "fromUnitId"
      | "toUnitId"
      | "roleId"
      | "skNumber"
      | "skDate"
      | "tmt"
      | "objectionDeadline"
      | "redistribution"
    >;
    now: Date;
    timeZone: string;
    locale: Locale;
  },
): Promise<NoticeRecipient[]> {
  const { proposal } = input;
  const { skNumber, skDate, tmt, objectionDeadline } = proposal;
  if (!skNumber || !skDate || !tmt || !objectionDeadline) throw new DomainError("decree_missing");
  const { employee, person, recipients } = await letterRecipients(db, proposal);
  if (recipients.length === 0) return [];
  const [fromUnit, toUnit, toRole, transfer] = await Promise.all([
    db.unit.findUniqueOrThrow({ where: { id: proposal.fromUnitId } }),
    db.unit.findUniqueOrThrow({ where: { id: proposal.toUnitId } }),
    db.role.findUniqueOrThrow({ where: { id: proposal.roleId } }),
    db.transfer.findUnique({ where: { proposalId: proposal.id } }),
  ]);
  // The role the person leaves: the transfer's record once the move is carried out, else their role now.
  const fromRole = transfer
    ? await db.role.findUniqueOrThrow({ where: { id: transfer.fromRoleId } })
    : employee.role;
  const data: DecreeLetterData = {
    proposalId: proposal.id,
    agencyName: employee.unit.agency.name,
    sentAt: input.now,
    timeZone: input.timeZone,
    person: {
      name: displayName(employee),
      nip: employee.nip,
      asnKind: employee.asnKind,
      golongan: employee.golongan,
    },
    from: { name: fromUnit.name, kecamatan: fromUnit.kecamatan },
    to: { name: toUnit.name, kecamatan: toUnit.kecamatan },
    fromRole: fromRole.name,
    toRole: toRole.name,
    skNumber,
    skDate,
    tmt,
    objectionDeadline,
    skippedHolidays: await skippedHolidays(db, localDate(input.now, input.timeZone), objectionDeadline),
    joined: person !== null,
    redistribution: proposal.redistribution,
  };
  const filename = `sk-mutasi-${proposal.id}.pdf`;

  return queueLetters(db, {
    proposalId: proposal.id,
    kind: "decree-letter",
    file: decreeLetterFile(data, filename),
    recipients,
    locale: input.locale,
    caption: (locale, as) =>
      translate(locale, `response.decree_letter.${as}`, {
        name: data.person.name,
        nip: employee.nip,
        from: fromUnit.name,
        to: toUnit.name,
        sk: skNumber,
        tmt: formatDate(tmt, "UTC"),
        deadline: formatDate(objectionDeadline, "UTC"),
      }),
    button: (locale) => ({
      text: translate(locale, "response.button.keberatan"),
      callback_data: employeeResponseData.pack("KEBERATAN", proposal.id),
    }),
  });
}

/** The holidays on weekdays after `from` up to the deadline: the days the 21 working days skipped. */
async function skippedHolidays(db: DbTx, from: Date, deadline: Date) {
  const start = from.toISOString().slice(0, 10);
  const end = deadline.toISOString().slice(0, 10);
  const calendar = await holidayCalendar(db, [from.getUTCFullYear(), deadline.getUTCFullYear()]);
  return calendar
    .filter(
      (h) => h.day > start && h.day <= end && ![0, 6].includes(new Date(`${h.day}T00:00:00Z`).getUTCDay()),
    )
    .map(({ day, name }) => ({ day, name }));
}
