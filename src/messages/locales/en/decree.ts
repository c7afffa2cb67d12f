import type { decree as id } from "../id/decree.ts";

/** From the team's approval to the decree (SK) and its TMT; cancellations (issue 15). */
export const decree: Record<keyof typeof id, string> = {
  "decree.cancelled.notice":
    "❎ Transfer proposal #{id} cancelled: <b>{name}</b> ({nip}) stays at {from} and does not move to {to}.\nReason: {reason}",
  "errors.cancel_reason_invalid": "Write the reason for cancelling (1–500 characters).",
  "errors.cancel_pending": "The team has not decided this proposal yet; reject it with the Reject button.",
  "errors.proposal_already_cancelled": "This proposal was already cancelled ({at}).",
  "errors.cancel_effective":
    "This transfer is already in effect (its TMT has passed); it can no longer be cancelled.",
  "errors.cancel_ended": "This proposal has already ended ({status}); there is nothing to cancel.",
  "decree.card.decreed": "📜 Approved by the team ({by}); <b>SK {sk}</b> dated {date}, TMT {tmt}",
  "decree.card.effective":
    "🏁 <b>In effect</b> since the TMT {tmt}: the person has moved (SK {sk} dated {date}; approved by the team: {by})",
  "decree.card.cancelled": "❎ <b>Cancelled</b> on {at}\nReason: {reason}",
  "decree.decreed.head_out":
    "📜 Transfer decree issued ({sk}, dated {date}): <b>{name}</b> (NIP {nip}) will move from your unit {from} to {to} from the TMT {tmt}. Until the TMT they keep serving in your unit.",
  "decree.decreed.head_in":
    "📜 Transfer decree issued ({sk}, dated {date}): <b>{name}</b> (NIP {nip}) will serve in your unit {to}, coming from {from}, from the TMT {tmt}.",
  "decree.effective.head_out":
    "🏁 Transfer in effect (SK {sk}, TMT {date}): <b>{name}</b> (NIP {nip}) moves from your unit {from} to {to} as {role}.\nReason: {reason}",
  "decree.effective.head_in":
    "🏁 Transfer in effect (SK {sk}, TMT {date}): <b>{name}</b> (NIP {nip}) moves to your unit {to} from {from} as {role}.\nReason: {reason}",
  "decree.effective.person":
    "🏁 From today (TMT {date}) you serve at <b>{to}</b> as {role}, under SK {sk}. Thank you for your service at {from}.",
  "decree.effective.cancelled_reason": "The transfer could not be carried out on its TMT {tmt}: {problem}",
  "decree.effective.admin_cancelled":
    "⚠️ Proposal #{id} ({name}, SK {sk}) cancelled on its TMT {tmt}: {problem}",
  "decree.recorded":
    "📜 SK of proposal #{id} recorded: <b>{sk}</b> dated {date}, TMT {tmt}. {name} moves from {from} to {to} on the TMT. Objection deadline: {deadline}.",
  "decree.recorded_effective":
    "🏁 The TMT {tmt} has come: the transfer takes effect now. {name} is now recorded at {to}; both unit heads and the person are told.",
  "decree.recorded_cancelled":
    "⚠️ The TMT {tmt} has come, but the transfer cannot be carried out, so the proposal is cancelled: {reason}",
  "decree.sk.usage":
    "Usage: /sk &lt;proposal_id&gt; &lt;SK_number&gt; &lt;date dd-mm-yyyy&gt; &lt;TMT dd-mm-yyyy&gt;\nExample: /sk 12 800/123/BKPSDM/2026 03-12-2026 02-01-2027",
  "decree.cancel.usage":
    "Usage: /batalusulan &lt;proposal_id&gt; &lt;reason&gt;\nExample: /batalusulan 12 The employee is seriously ill",
  "decree.cancel.done": "Proposal #{id} cancelled ({name}: {from} → {to}). Reason: {reason}",
  "errors.decree_not_admin": "Only an admin can record an SK or cancel a proposal.",
  "errors.decree_nomor_invalid": "The SK number must be 1 to 100 characters.",
  "errors.decree_date_invalid": "«{text}» is not a date. Write dd-mm-yyyy, e.g. 03-12-2026.",
  "errors.decree_tmt_before_sk": "The TMT ({tmt}) cannot be before the SK date ({date}).",
  "errors.decree_not_approved":
    "Proposal #{id} is not approved by the team ({status}); an SK is recorded only for an approved proposal.",
  "errors.decree_already":
    "The SK of proposal #{id} is already recorded: {sk} dated {date}, TMT {tmt} (recorded {at}).",
  "errors.decree_ended": "Proposal #{id} has already ended ({status}); no SK can be recorded.",
  "errors.decree_frozen":
    "Recording transfer decrees is stopped until {until} ({reason}; UU 10/2016 Pasal 71(2)) unless the Minister has approved in writing.",
  "export.annex.sk_number": "SK number",
  "export.annex.sk_date": "SK date",
  "export.annex.state": "State",
  "export.state.APPROVED": "Approved by the team, awaiting the SK",
  "export.state.DECREED": "SK issued, awaiting the TMT",
  "export.state.EFFECTIVE": "In effect",
  "decree.import.bad_nip": "NIP / NI PPPK «{nip}» is not 18 digits",
  "decree.import.no_number": "the SK number is empty",
  "decree.import.no_proposal": "no proposal approved by the team for NIP {nip}",
  "decree.import.other_sk": "proposal #{id} already has SK {sk}",
  "errors.decree_import_no_columns":
    "This file is not an SK list: it has no NIP / NI PPPK, SK number, SK date and TMT columns. Use the SK annex of the transfer export.",
  "commands.sk": "Record a transfer decree: number, date, TMT (admin)",
  "commands.batalusulan": "Cancel an approved proposal before its TMT (admin)",
  "digest.counts_cancelled": " · cancelled {count}",
  "decree.details.deadline": "Deadline for an objection to the SK (UU 30/2014 Pasal 77): {date}.",
  "errors.holiday_date_invalid": "«{text}» is not a date. Write dd-mm-yyyy, e.g. 25-12-2026.",
  "errors.holiday_unknown": "{day} is not in the list of holidays.",
};
