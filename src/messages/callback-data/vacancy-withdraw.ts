import { letteredButton } from "./lettered.ts";

/** Withdrawing a vacancy from the head's list: ask, then yes or no. */
export type VacancyWithdrawAction = "ask" | "yes" | "no";

/** "vw:y:42": whether the presser may withdraw it and whether it is still open is read on every press. */
export const vacancyWithdrawData = letteredButton({
  prefix: "vw",
  letters: { ask: "a", yes: "y", no: "n" } satisfies Record<VacancyWithdrawAction, string>,
  action: "action",
  id: "vacancyId",
});
