import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The Minister's written approval (persetujuan tertulis Menteri) that Pasal 71(2) allows. */
const ministerApproval = z.object({ nomor: z.string().min(1), tanggal: day });

/**
 * Election freeze periods (UU 10/2016 Pasal 71(2)): no transfer is proposed from `from` to `to`, and
 * none is approved unless the period carries the Minister's written approval.
 */
export const blackoutsSchema = z.array(
  z.object({ from: day, to: day, reason: z.string().default(""), approval: ministerApproval.optional() }),
);
export type Blackout = z.infer<typeof blackoutsSchema>[number];

/** The freeze covering `today` (yyyy-mm-dd in the schedule's zone), if any. */
export function blackoutOn(blackouts: readonly Blackout[], today: string): Blackout | null {
  return blackouts.find((b) => b.from <= today && today <= b.to) ?? null;
}

/** The freeze that forbids approving on `today`: one covering it without the Minister's approval. */
export function approvalFrozenOn(blackouts: readonly Blackout[], today: string): Blackout | null {
  return blackouts.find((b) => b.from <= today && today <= b.to && !b.approval) ?? null;
}
