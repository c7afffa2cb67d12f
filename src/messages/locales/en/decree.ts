import type { decree as id } from "../id/decree.ts";

/** From the team's approval to the decree (SK) and its TMT; cancellations (issue 15). */
export const decree: Record<keyof typeof id, string> = {
  "decree.cancelled.notice":
    "❎ Transfer proposal #{id} cancelled: <b>{name}</b> ({nip}) stays at {from} and does not move to {to}.\nReason: {reason}",
  "errors.cancel_reason_invalid": "Write the reason for cancelling (1–500 characters).",
  "errors.cancel_pending": "The team has not decided this proposal yet; reject it with the Reject button.",
  "errors.proposal_already_cancelled": "This proposal was already cancelled ({at}).",
  "errors.cancel_effective": "This transfer is already in effect (its TMT has passed); it can no longer be cancelled.",
  "errors.cancel_ended": "This proposal has already ended ({status}); there is nothing to cancel.",
};
