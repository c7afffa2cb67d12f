import type { employee as id } from "../id/employee.ts";

export const employee: Record<keyof typeof id, string> = {
  "start.welcome.employee":
    "Welcome back, {name}. This account is linked to your personnel record.\nType /me to see your record and say whether you are willing to move.",
  "help.employee":
    "<b>Employee commands</b>\n/me — my record, willingness to move and preferred destinations\n/cancel — stop the conversation\n/language — change language\n/help — this help\n\nLetters about your transfer arrive in this chat: the <b>Respond</b> or <b>File an objection</b> button under them takes your words to the transfer team.",
  "invite.redeemed.employee":
    "Thank you, {name}. This Telegram account is now linked to the personnel record of <b>{employee}</b> ({unit}).\nType /me to see your record and say whether you are willing to move.",
  "invite.employee_created":
    "Invite for employee <b>{target}</b> (valid until {expires}):\n<code>{code}</code>\n{link}\nGive this link to that person only: whoever opens it sees this employee's record.",
  "invite.usage_head": "Usage: /invite pegawai &lt;NIP&gt; — an invite for a person of your unit.",
  "errors.invite_nip_invalid":
    "NIP {nip} is not valid. A NIP or NI PPPK has 18 digits and starts with the birth date (YYYYMMDD).",
  "errors.invite_nip_unknown": "There is no employee with NIP {nip}. Check the number.",
  "errors.invite_nip_other_unit":
    "The employee with NIP {nip} is not in your unit. A unit head can invite only their own unit's staff; ask an admin if the data is wrong.",
  "errors.employee_only":
    "This command is for employees who have joined. Ask your unit head or a BKPSDM admin for an invite.",
  "errors.statement_note_invalid": "A note has at most 300 characters.",
  "errors.statement_destination_unknown": "That destination is not a unit of your agency.",
  "commands.me": "My record and willingness to move",
  "me.card": "<b>Your personnel record</b>\n{lines}",
  "me.name": "Name: <b>{name}</b>",
  "me.nip.PNS": "NIP: <code>{nip}</code>",
  "me.nip.PPPK": "NI PPPK: <code>{nip}</code>",
  "me.unit": "Unit: {unit}",
  "me.unit_kecamatan": "Unit: {unit} (Kecamatan {kecamatan})",
  "me.role": "Position: {role}",
  "me.hours_teacher": "Hours taught (JJM): {taught} JP of a standard load of {capacity} JP",
  "me.hours_teacher_unknown": "Standard load {capacity} JP (hours taught not recorded yet)",
  "me.hours": "Working hours: {capacity} hours a week",
  "me.golongan": "Rank/grade: {golongan}",
  "me.jenjang": "Career level: {jenjang}",
  "me.status": "Status: {status}",
  "me.status.AKTIF": "Active",
  "me.status.CUTI": "On leave",
  "me.status.TUGAS_BELAJAR": "On study leave",
  "me.status.PENSIUN": "Retired",
  "me.status.NONAKTIF": "Inactive",
  "me.statement.none": "You have not said yet whether you are willing to move.",
  "me.statement.willing": "🙋 You are <b>willing to move</b> (volunteer).",
  "me.statement.unwilling": "✋ You are <b>not willing</b> to move: {reason}.",
  "me.statement.note": "Note: {note}",
  "me.statement.preferences": "📍 Preferred destinations: {list}",
  "me.statement.no_preferences": "No preferred destinations yet.",
  "me.privacy":
    "<i>This statement is seen by you, your unit head and the transfer team, and you can change it at any time.</i>",
  "me.button.willing": "🙋 Willing to move",
  "me.button.unwilling": "✋ Not willing",
  "me.button.preferences": "📍 Destinations",
  "me.button.clear_preferences": "Clear destinations",
  "me.button.no_note": "No note",
  "me.ask_reason": "What is the main reason you cannot move?",
  "me.ask_note":
    "Reason: <b>{reason}</b>. Write a short note in your own words (at most {max} characters), or press <b>No note</b>.",
  "me.note.empty": "The note is empty.",
  "me.note.too_short": "The note is too short.",
  "me.note.too_long": "The note is too long: at most {max} characters.",
  "me.ask_preferences":
    "Type up to {max} destinations, separated by semicolons or new lines: a kecamatan name, a unit code, an NPSN or a school name.\nExample: <code>Semangga; SDN-04</code>",
  "me.preferences.unknown":
    "Destination «{text}» was not found. Type a kecamatan name, a unit code, an NPSN or a school name.",
  "me.preferences.ambiguous":
    "«{text}» matches several destinations: {candidates}. Type more of it or its code.",
  "me.preferences.too_many": "At most {max} destinations; you wrote {count}.",
  "me.preferences.own_unit": "«{text}» is your unit now; choose another destination.",
  "me.saved.willing": "Recorded: you are <b>willing to move</b>. Thank you. Type /me to see or change it.",
  "me.saved.unwilling":
    "Recorded: you are <b>not willing</b> to move ({reason}). Type /me to see or change it.",
  "me.saved.preferences": "Recorded: your preferred destinations {list}. Type /me to see or change it.",
  "me.saved.preferences_cleared": "Your preferred destinations were cleared.",
  "me.toast.saved": "Saved",
  "statement.reason.IKUT_PASANGAN": "following a spouse",
  "statement.reason.MERAWAT_ORANG_TUA": "caring for parents",
  "statement.reason.KESEHATAN": "health",
  "statement.reason.ANAK_SEKOLAH": "children's schooling",
  "statement.reason.LAINNYA": "other",
  "statement.kecamatan": "Kecamatan {name}",
  "statement.marker.willing": "  🙋 Willing to move (volunteer)",
  "statement.marker.unwilling": "  ✋ Not willing: {reason}",
  "statement.marker.unwilling_note": "  ✋ Not willing: {reason} — “{note}”",
  "statement.marker.preferences": "  📍 Preferred destinations: {list}",
  "notice.caption.person":
    "📄 Notice of a proposed transfer: {from} → {to}. The transfer team approved the proposal; the final decision is the PPK's decree (SK). Press <b>Respond</b> to give your willingness or your reasons.",
  "notice.caption.head":
    "📄 Notice of the proposed transfer of <b>{name}</b> ({from} → {to}). {name} has not joined Seimbang: please hand this letter over, and invite them with /invite pegawai {nip} so they can respond.",
  "notice.caption.group":
    "📄 Notice of a proposed transfer for <b>{name}</b> (NIP {nip}, {from} → {to}). {name} has not joined Seimbang and the origin's head is not registered: please hand this letter to them, and invite them with /invite pegawai {nip} so they can respond.",
  "notice.button.respond": "Respond",
};
