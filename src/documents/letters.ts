/**
 * Letters ride in the outbox as their data (`{ letter, data, filename }`) and become a PDF when they
 * are sent: rendering (a few hundred milliseconds, more on a busy machine) must not run inside the
 * decision's transaction, and the data is smaller than the file and can be read back in an audit.
 */
import { z } from "zod";
import { renderDecreeLetterPdf, type DecreeLetterData } from "./decree-letter-pdf.ts";
import { renderTransferNoticePdf, type TransferNoticeData } from "./transfer-notice-pdf.ts";

const unit = z.object({ name: z.string(), kecamatan: z.string().nullable().optional() });
const load = z.object({ before: z.number().nullable(), after: z.number().nullable() });
const person = z.object({
  name: z.string(),
  nip: z.string(),
  asnKind: z.enum(["PNS", "PPPK"]),
  golongan: z.string().nullable().optional(),
});

/** What both letters say of the move: whose, from where to where, in which role. */
const move = z.object({
  proposalId: z.number().int(),
  agencyName: z.string(),
  timeZone: z.string(),
  person,
  from: unit,
  to: unit,
  fromRole: z.string(),
  toRole: z.string(),
  joined: z.boolean(),
});

const transferNoticeSchema = move.extend({
  approvedAt: z.coerce.date(),
  reason: z.string(),
  hoursFilled: z.number(),
  fullLoad: z
    .object({ taughtNow: z.number(), atDestination: z.number(), standard: z.number() })
    .nullable()
    .optional(),
  hoursUnit: z.enum(["JP", "jam"]),
  fromLoad: load,
  toLoad: load,
  redistribution: z.boolean().optional(),
}) satisfies z.ZodType<TransferNoticeData>;

const decreeLetterSchema = move.extend({
  sentAt: z.coerce.date(),
  skNumber: z.string(),
  skDate: z.coerce.date(),
  tmt: z.coerce.date(),
  objectionDeadline: z.coerce.date(),
  skippedHolidays: z.array(z.object({ day: z.string(), name: z.string().nullable() })).optional(),
  redistribution: z.boolean().optional(),
}) satisfies z.ZodType<DecreeLetterData>;

const letterSchema = z.discriminatedUnion("letter", [
  z.object({ letter: z.literal("transfer-notice"), data: transferNoticeSchema, filename: z.string() }),
  z.object({ letter: z.literal("decree-letter"), data: decreeLetterSchema, filename: z.string() }),
]);

/** What an outbox payload holds in place of a file until it is sent: JSON, so dates as ISO text. */
export type LetterFile =
  | {
      letter: "transfer-notice";
      data: z.input<typeof transferNoticeSchema> & { approvedAt: string };
      filename: string;
    }
  | {
      letter: "decree-letter";
      data: z.input<typeof decreeLetterSchema> & {
        sentAt: string;
        skDate: string;
        tmt: string;
        objectionDeadline: string;
      };
      filename: string;
    };

export function transferNoticeFile(data: TransferNoticeData, filename: string): LetterFile {
  return {
    letter: "transfer-notice",
    data: { ...data, approvedAt: data.approvedAt.toISOString() },
    filename,
  };
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function decreeLetterFile(data: DecreeLetterData, filename: string): LetterFile {
  return {
    letter: "decree-letter",
    data: {
      ...data,
      sentAt: data.sentAt.toISOString(),
      skDate: isoDay(data.skDate),
      tmt: isoDay(data.tmt),
      objectionDeadline: isoDay(data.objectionDeadline),
    },
    filename,
  };
}

/** The payload with every letter rendered to `{ base64, filename }`; other fields as they were. */
export async function renderLetters(payload: Record<string, unknown>): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    Object.entries(payload).map(async ([key, value]) => {
      if (!value || typeof value !== "object" || !("letter" in value)) return [key, value] as const;
      const file = letterSchema.parse(value);
      const pdf =
        file.letter === "transfer-notice"
          ? await renderTransferNoticePdf(file.data)
          : await renderDecreeLetterPdf(file.data);
      return [key, { base64: pdf.toString("base64"), filename: file.filename }] as const;
    }),
  );
  return Object.fromEntries(entries);
}
