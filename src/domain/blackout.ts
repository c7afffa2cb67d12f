import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Election freeze periods (UU 10/2016 Pasal 71(2)): no transfer is proposed from `from` to `to`. */
export const blackoutsSchema = z.array(z.object({ from: day, to: day, reason: z.string().default("") }));
export type Blackout = z.infer<typeof blackoutsSchema>[number];

/** The freeze covering `today` (yyyy-mm-dd in the schedule's zone), if any. */
export function blackoutOn(blackouts: readonly Blackout[], today: string): Blackout | null {
  return blackouts.find((b) => b.from <= today && today <= b.to) ?? null;
}
