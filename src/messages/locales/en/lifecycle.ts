import type { lifecycle as id } from "../id/lifecycle.ts";

export const lifecycle: Record<keyof typeof id, string> = {
  "jabatan.bup.rule": "by the rule",
  "jabatan.bup.set": "set by an admin",
  "commands.leave": "Staff leave / study leave",
  "commands.vacancies": "Open vacancies (withdraw)",

  "employee.status.AKTIF": "active",
  "employee.status.CUTI": "on leave",
  "employee.status.TUGAS_BELAJAR": "on study leave",
  "employee.status.PENSIUN": "retired",
  "employee.status.NONAKTIF": "inactive",
  "leave.usage":
    "Write: <code>/leave NIP cuti|tb|aktif [dd-mm-yyyy]</code>\nExamples: <code>/leave 198501012010012001 cuti 31-01-2027</code> (leave until 31-01-2027), <code>/leave 198501012010012001 tb 30-06-2028</code> (study leave), <code>/leave 198501012010012001 aktif</code> (back to active).\nWhile on leave or study leave a person does not count in the unit's capacity.",
  "leave.set.CUTI":
    "✅ {name} (NIP {nip}) is on leave until {until}. Until then they do not count in {unit}'s capacity; afterwards they are active again automatically.",
  "leave.set.TUGAS_BELAJAR":
    "✅ {name} (NIP {nip}) is on study leave until {until}. Until then they do not count in {unit}'s capacity; afterwards they are active again automatically.",
  "leave.set.AKTIF": "✅ {name} (NIP {nip}) is active again and counts in {unit}'s capacity.",
  "leave.until_part": " until {until}",
  "leave.unchanged": "{name} (NIP {nip}) is already {status}{until}. Nothing changed.",
  "leave.ended":
    "🔔 {name} (NIP {nip}) at {unit}: {status} ended {until}. They are active again and count in the unit's capacity.",
  "errors.leave_not_allowed": "This command is for unit heads (their own unit's staff) and admins.",
  "errors.leave_nip_invalid": "«{nip}» is not a NIP: write 18 digits, e.g. 198501012010012001.",
  "errors.leave_nip_unknown": "No employee has NIP {nip}. Check the number in /staff.",
  "errors.leave_other_unit":
    "The employee with NIP {nip} is not in your unit. You can change the status of your own unit's staff only.",
  "errors.leave_status_invalid":
    "«{status}» is not a known status. Choose cuti (leave), tb (study leave) or aktif.",
  "errors.leave_until_missing":
    "Leave and study leave need an end date. Write dd-mm-yyyy after the status, e.g. 31-01-2027.",
  "errors.leave_until_format": "«{text}» is not a date. Write dd-mm-yyyy, e.g. 31-01-2027.",
  "errors.leave_until_impossible": "{text} is not on the calendar. Check the day and the month.",
  "errors.leave_until_past": "The end date {text} is not after today ({today}). Write a date to come.",
  "errors.leave_until_too_far": "The end date {text} is more than {max} years away. Check the year.",
  "errors.leave_until_unexpected": "Active takes no date; leave the date out.",
  "errors.leave_locked_PENSIUN": "{name} has retired; their status cannot be changed here.",
  "errors.leave_locked_NONAKTIF":
    "{name} is inactive; their status cannot be changed here. Ask the BKPSDM admin.",

  "retire.notice_month":
    "📅 <b>Retiring within a month</b>\n{name} (NIP {nip}), {role} at {unit}, reaches the retirement age ({age}) on <b>{date}</b>. From that day they no longer count in the unit's capacity and a retirement vacancy opens automatically.",
  "retire.done":
    "👋 <b>Retired</b>\n{name} (NIP {nip}), {role} at {unit}, retired on {date} (retirement age {age}) and no longer counts in the capacity. A vacancy for 1 {role} (retirement) is open, number {id}; withdraw it with /vacancies if the post need not be filled.",

  "retire.reporter": "Seimbang: {name} reached the retirement age",
  "vacancies.title": "<b>Open vacancies at {unit}</b> ({count})\n{lines}",
  "vacancies.line": "• Number {id}: {count} {role} — {reason}, since {since}",
  "vacancies.more": "… and {count} more (showing the {shown} oldest).",
  "vacancies.none": "No open vacancies at {unit}. Report one with /vacancy.",
  "vacancies.hint": "Press a button to withdraw a vacancy that need not be filled any more.",
  "vacancies.button.withdraw": "Withdraw number {id}: {role}",
  "vacancies.confirm":
    "Withdraw vacancy number {id} ({count} {role}, since {since})? A withdrawn vacancy no longer counts as the unit's need.",
  "vacancies.button.yes": "Yes, withdraw",
  "vacancies.button.no": "Keep it",
  "vacancies.withdrawn": "✅ Vacancy number {id} ({count} {role}) withdrawn.",
  "vacancies.withdrawn_short": "Withdrawn",
  "vacancies.kept": "Vacancy number {id} stays open.",
  "errors.vacancy_not_in_unit": "This vacancy is not your unit's.",
  "errors.vacancy_not_open_FILLED": "Vacancy number {id} has been filled. Nothing changed.",
  "errors.vacancy_not_open_CANCELLED": "Vacancy number {id} has already been withdrawn. Nothing changed.",
  "errors.vacancy_unknown": "There is no vacancy number {id}.",
  "errors.employee_left_PENSIUN": "{name} has retired; the transfer can no longer be carried out.",
  "errors.employee_left_NONAKTIF": "{name} is inactive; the transfer cannot be carried out.",
};
