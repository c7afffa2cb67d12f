import type { check as id } from "../id/check.ts";

export const check: Record<keyof typeof id, string> = {
  "check.alert.title": "⚖️ <b>Workload balance check — {agency}</b>",
  "check.alert.unmet":
    "Unmet workload: <b>{before} hours/week</b> now → <b>{after} hours/week</b> if the proposals are approved.",
  "check.alert.proposals": "{count} transfer proposals follow below; decide with Approve / Reject.",
  "check.alert.no_proposals": "No new transfer proposals for this agency this time.",
  "check.alert.overloaded": "<b>Most short-staffed:</b>",
  "check.alert.underloaded": "<b>Least loaded:</b>",
  "check.alert.unit": "• {unit}: load {load}",
  "check.alert.none": "—",
  "check.summary":
    "Check #{run} done: unmet {before} → {after} hours/week, {created} new proposals{skipped}. The alert and the proposal cards go to the HR groups.",
  "check.summary.skipped": " ({count} skipped because a proposal is still pending)",
  "check.summary.nothing":
    "Check #{run} done: no transfer would reduce the shortage (unmet {before} hours/week).",
  "check.summary.blackout":
    "Check #{run} posted no proposals: transfer freeze from {from} to {to} ({reason}).",
  "check.running": "Running the balance check…",
  "check.digest.title": "🗂 <b>Proposals awaiting a decision — {agency}</b> ({count})",
  "check.digest.item": "• #{id} {name}: {from} → {to} (until {expires})",
  "check.digest.more": "…and {count} more. Type /pending for the full list.",
  "check.reminder":
    "Reminder: <b>{unit}</b> has not reported its workload for {period}. Report it with /load so the weekly check uses current figures.",
  "check.admin.group_blocked":
    "⚠️ The bot was removed or blocked in the HR group {who} (chat {chat}). The group is marked inactive; nothing more is sent there. Add the bot back and run /linkgroup in that group.\nTelegram said: {error}",
  "check.admin.user_blocked":
    "⚠️ {who} (chat {chat}) blocked the bot. The account is marked inactive until they open the bot again with /start.\nTelegram said: {error}",
  "errors.check_not_allowed": "Only the transfer team of this group's agency or an admin can run a check.",
  "errors.check_group_unlinked":
    "This group is not linked to an agency yet. An admin can link it with /linkgroup &lt;AGENCY_CODE&gt;.",
  "check.chart.title": "Workload per unit — {agency}",
  "check.chart.subtitle": "Before and after the proposed transfers, {date} (1 = balanced)",
  "check.chart.before": "Now",
  "check.chart.after": "If the proposals are approved",
  "check.chart.axis": "Load ratio (demand / capacity)",
  "check.chart.caption": "📊 Unit workload of {agency}: now and if the proposals are approved.",
};
