import { z } from "zod";

/** Withdrawing a vacancy from the head's list: ask, then yes or no. */
export type VacancyWithdrawAction = "ask" | "yes" | "no";

const letters: Record<VacancyWithdrawAction, string> = { ask: "a", yes: "y", no: "n" };
const byLetter: Record<string, VacancyWithdrawAction> = { a: "ask", y: "yes", n: "no" };

const schema = z.object({
  letter: z.enum(["a", "y", "n"]),
  vacancyId: z.coerce.number().int().positive().max(2_147_483_647),
});

/**
 * "vw:y:42": only the step and the vacancy id travel (well under 64 bytes); whether the presser
 * may withdraw it and whether it is still open is read from the database on every press.
 */
export const vacancyWithdrawData = {
  pack: (action: VacancyWithdrawAction, vacancyId: number) => `vw:${letters[action]}:${vacancyId}`,
  unpack(data: string): { action: VacancyWithdrawAction; vacancyId: number } | null {
    const match = /^vw:([a-z]):(\d{1,10})$/.exec(data);
    if (!match) return null;
    const parsed = schema.safeParse({ letter: match[1], vacancyId: match[2] });
    if (!parsed.success) return null;
    const action = byLetter[parsed.data.letter];
    return action ? { action, vacancyId: parsed.data.vacancyId } : null;
  },
  pattern: /^vw:/,
};
