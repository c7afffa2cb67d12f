import type { response as id } from "../id/response.ts";

/** The person's own words on a letter: a response to the notice, a keberatan on the SK, decided in the HR group (issue 15). */
export const response: Record<keyof typeof id, string> = {
  "response.decree_letter.person":
    "📄 Letter on transfer decree (SK) No. {sk}: {from} → {to}, effective (TMT) {tmt}. If you object, press <b>File an objection</b> by {deadline} (21 working days, UU 30/2014 Art. 77).",
  "response.decree_letter.head":
    "📄 Letter on the transfer decree of <b>{name}</b>, SK No. {sk} ({from} → {to}, TMT {tmt}). {name} has not joined Seimbang: please hand this letter over; an objection may be filed by {deadline}. Invite them with /invite pegawai {nip}.",
  "response.decree_letter.group":
    "📄 Notice of the transfer decree for <b>{name}</b> No. {sk} ({from} → {to}, TMT {tmt}). {name} has not joined Seimbang and the origin's head is not registered: please hand this letter to them; an objection may be filed until {deadline}. Invite them with /invite pegawai {nip}.",
  "response.button.keberatan": "File an objection",
  "response.button.cancel": "Cancel",
  "response.kind.RESPONSE": "response",
  "response.kind.KEBERATAN": "objection",
  "response.kind_title.RESPONSE": "Response",
  "response.kind_title.KEBERATAN": "Objection",
  "response.ask.RESPONSE":
    "✍️ Write your response to transfer proposal #{id} ({from} → {to}) in one message, at most {max} characters. It goes to the transfer team. Type /cancel to stop.",
  "response.ask.KEBERATAN":
    "✍️ Write your objection to transfer decree No. {sk} ({from} → {to}) with your reasons, in one message, at most {max} characters. Deadline: {deadline}. Type /cancel to stop.",
  "response.text.empty": "Your text is empty. Write it in one message, or type /cancel.",
  "response.text.too_long": "Too long: {length} characters, at most {max}. Shorten it and send again.",
  "response.recorded.RESPONSE":
    "✅ Your response to transfer proposal #{id} is recorded and forwarded to the transfer team of {agency}. You will be told their decision.",
  "response.recorded.KEBERATAN":
    "✅ Your objection to decree No. {sk} is recorded and forwarded to the transfer team of {agency}. You will be told their decision.",
  "response.recorded_unlinked.RESPONSE":
    "✅ Your response to transfer proposal #{id} is recorded ({at}). The transfer team of {agency} is not connected to Seimbang right now: the admins have been told, and your response is forwarded as soon as the group is connected again. You will be told their decision.",
  "response.recorded_unlinked.KEBERATAN":
    "✅ Your objection to decree No. {sk} is recorded at {at}, within the deadline. The transfer team of {agency} is not connected to Seimbang right now: the admins have been told, and your objection is forwarded as soon as the group is connected again. You will be told their decision.",
  "response.admin_unlinked.RESPONSE":
    "⚠️ <b>An employee's response has not reached the transfer team</b>\n{name} (NIP {nip}) responded to proposal #{id} ({from} → {to}) at {at}:\n<blockquote>{text}</blockquote>\n{agency} has no active HR group. Type /linkgroup {code} in the transfer team's group, or add the bot back to it: the response is sent there to be decided.",
  "response.admin_unlinked.KEBERATAN":
    "⚠️ <b>An objection has not reached the transfer team</b>\n{name} (NIP {nip}) objected to decree No. {sk} (proposal #{id}, {from} → {to}) at {at}; objection deadline {deadline}.\n<blockquote>{text}</blockquote>\n{agency} has no active HR group. Type /linkgroup {code} in the transfer team's group, or add the bot back to it: the objection is sent there to be decided.",
  "response.card.RESPONSE":
    "📣 <b>Employee's response to transfer proposal #{id}</b>\n👤 {name} (NIP {nip})\n🔁 {from} → {to} ({role})\nProposal status: {status}\n⏳ Objection deadline: {deadline}\n\n<blockquote>{text}</blockquote>\nSent {at}.",
  "response.card.KEBERATAN":
    "📣 <b>Objection to transfer decree #{id}</b>\n👤 {name} (NIP {nip})\n🔁 {from} → {to} ({role})\n📄 SK No. {sk} of {skDate}, TMT {tmt}\n⏳ Objection deadline: {deadline}\n\n<blockquote>{text}</blockquote>\nFiled {at}.",
  "response.card.no_deadline": "no decree yet",
  "response.card.open":
    "Uphold: the proposal is cancelled. Dismiss: with a reason, which the employee is told.",
  "response.card.upheld": "✅ Upheld by {by} ({at}): proposal #{id} cancelled.",
  "response.card.dismissed": "❌ Dismissed by {by} ({at}).\nReason: {reason}",
  "response.card.button.uphold": "Uphold (cancel proposal)",
  "response.card.button.dismiss": "Dismiss",
  "response.outcome.UPHELD":
    "✅ Your {kind} on transfer proposal #{id} ({from} → {to}) was upheld by the transfer team: the proposal is cancelled, you stay at {from}.",
  "response.outcome.DISMISSED":
    "❌ Your {kind} on transfer proposal #{id} ({from} → {to}) was dismissed by the transfer team.\nReason: {reason}",
  "response.outcome.head.UPHELD":
    "✅ {kind} by {name} on transfer proposal #{id} ({from} → {to}) was upheld: the proposal is cancelled. Please let them know.",
  "response.outcome.head.DISMISSED":
    "❌ {kind} by {name} on transfer proposal #{id} ({from} → {to}) was dismissed.\nReason: {reason}\nPlease let them know.",
  "response.uphold.done": "Upheld: proposal #{id} cancelled and the employee told.",
  "response.dismiss.prompt":
    "{name}, write the reason for dismissing the {kind} of {employee} (proposal #{id}) as a reply to this message, at most {max} characters. The employee is told this reason. /cancel to stop.",
  "response.dismiss.asked": "Write the reason as a reply in the group.",
  "response.dismiss.empty": "No reason yet. Write it as a reply, or /cancel.",
  "response.dismiss.too_short": "No reason yet. Write it as a reply, or /cancel.",
  "response.dismiss.too_long":
    "The reason is too long ({length} characters, at most {max}). Shorten it and send again.",
  "response.dismiss.cancelled": "Dismissal of the {kind} #{id} stopped; nothing decided yet.",
  "response.dismiss.recorded": "❌ {kind} #{id} dismissed; {employee} is told the reason.",
  "errors.response_not_yours": "This button is for the employee concerned, not for you.",
  "errors.response_proposal_unknown": "This proposal was not found.",
  "errors.keberatan_not_decreed":
    "An objection can only be filed against a decree (SK) that has been issued; proposal #{id} is now: {status}.",
  "errors.keberatan_late":
    "The deadline for an objection to this decree has passed: it was {deadline} (21 working days, UU 30/2014 Art. 77).",
  "errors.response_not_open":
    "Proposal #{id} has not been decided by the transfer team yet; say whether you are willing in /me.",
  "errors.response_ended": "Proposal #{id} has ended ({status}); a response can no longer be sent.",
  "errors.response_already_open":
    "Your {kind} on proposal #{id} already reached the transfer team ({at}) and is under review. You will be told the outcome.",
  "errors.response_text_invalid": "Write {min}–{max} characters.",
  "errors.response_unknown": "This response was not found.",
  "errors.response_already_decided": "This {kind} was already decided by {by} ({at}): {outcome}.",
  "errors.response_uphold_effective":
    "This transfer has taken effect (TMT {tmt}); the proposal can no longer be cancelled. To move the employee back, make a new proposal.",
  "errors.response_about_self": "You cannot decide a response or objection about yourself.",
  "errors.dismiss_reason_invalid": "Write the reason for dismissing (1–500 characters).",
  "errors.decree_missing": "This proposal's decree is incomplete (number, date, TMT, objection deadline).",
  "response.decided.UPHELD": "upheld",
  "response.decided.DISMISSED": "dismissed",
};
