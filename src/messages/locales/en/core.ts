import type { core as id } from "../id/core.ts";

export const core: Record<keyof typeof id, string> = {
  "start.welcome.none":
    "Welcome to <b>Seimbang</b>, {name}.\nI help keep civil servants' workload in balance. To begin, open the invite link from your BKPSDM admin (or send /start &lt;code&gt;).",
  "start.welcome.unit_head":
    "Welcome back, {name}. You are the head of <b>{unit}</b>.\nReport vacancies with /vacancy, workload with /load, see staff with /staff and a summary with /status.",
  "start.welcome.hr_approver":
    "Welcome back, {name}. You are on the transfer team of <b>{agency}</b>.\nTransfer proposals arrive in the HR group; decide with Approve / Reject. /status shows the most imbalanced units.",
  "start.welcome.admin":
    "Welcome, {name}. You are a Seimbang admin.\nCreate invites with /invite, link the HR group with /linkgroup inside it, and send a CSV/XLSX file to import data.",
  "start.group":
    "Hello! I am Seimbang. An admin can link this group to an agency with /linkgroup &lt;AGENCY_CODE&gt;.",
  "invite.redeemed.unit_head":
    "Thank you, {name}. You are now registered as head of <b>{unit}</b> ({agency}).\nType /help to see what you can do.",
  "invite.redeemed.hr_approver":
    "Thank you, {name}. You are now on the transfer team of <b>{agency}</b>.\nType /help to see what you can do.",
  "invite.redeemed.admin":
    "Thank you, {name}. You are now a Seimbang admin.\nType /help to see what you can do.",
  "invite.created": "Invite for {target} (valid until {expires}):\n<code>{code}</code>\n{link}",
  "invite.usage":
    "Usage: /invite unit &lt;UNIT_CODE&gt;, /invite hr &lt;AGENCY_CODE&gt;, /invite pegawai &lt;NIP&gt; or /invite admin.",
  "help.none":
    "<b>Seimbang</b> — workload balancing for civil servants.\n/start &lt;code&gt; — register with an invite code\n/language — change language\n/help — this help",
  "help.unit_head":
    "<b>Unit head commands</b>\n/report — report menu\n/vacancy — report a vacancy\n/vacancies — open vacancies, withdraw one\n/leave — put staff on leave or study leave\n/load — report workload\n/staff — staff and transfer objections\n/invite pegawai &lt;NIP&gt; — invite a person of your unit\n/me — my record\n/status — unit summary\n/map — map, table and proposals\n/cancel — stop a conversation\n/language — change language\n/requestteachers — (private school heads) ask for ASN teachers",
  "help.hr_approver":
    "<b>Transfer team commands</b>\nIn the HR group: /check (run a check), /pending (pending proposals), /export (transfer list), /formasi (formasi sheet), /status.\nIn private chat: /status, /map (map, table, proposals and what-if), /export, /formasi, /whatif (what-if), /language.",
  "help.admin":
    "<b>Admin commands</b>\n/invite unit|hr|pegawai|admin — create an invite\n/linkgroup &lt;AGENCY_CODE&gt; — inside the HR group\n/roles — roles, standard hours and retirement ages\n/leave &lt;NIP&gt; cuti|tb|aktif — leave or study leave of an employee\n/policy — transfer freeze periods; /policy swasta off|request|on — ASN teachers in private schools\n/sk &lt;id&gt; &lt;number&gt; &lt;date&gt; &lt;TMT&gt; — record a transfer decree\n/cancelproposal &lt;id&gt; &lt;reason&gt; — cancel a proposal before its TMT\n/liftrejection &lt;id&gt; — lift a rejection's cooldown\nSend a CSV/XLSX file — import units and employees\n/formasi — formasi sheet (hiring and retirements)\n/whatif — what if rombel, people or caps change\n/status, /map, /language, /help",
  "language.choose": "Choose a language:",
  "language.set": "Language switched to English.",
  "fallback.text": "Sorry, I did not understand. Type /help to see the available commands.",
  "fallback.button": "This button is no longer valid.",
  "error.internal": "Sorry, something went wrong on our side. Please try again in a moment.",
  "error.reply_refused":
    "Sorry, Telegram refused to show our answer. The error has been logged for the technical team. Please try again later or type /help.",
  "errors.invite_unknown": "Unknown invite code. Check the code or ask your admin for a new invite.",
  "errors.invite_used": "This invite code has already been used. Ask your admin for a new one if needed.",
  "errors.invite_expired": "This invite code expired on {expires}. Ask your admin for a new one.",
  "errors.request_not_private":
    "{unit} is not a private school in Dapodik; ASN teacher requests are for private schools only.",
  "errors.request_not_teacher": "A request is for teaching roles only.",
  "errors.request_unknown": "Teacher request #{id} not found.",
  "errors.request_closed": "Teacher request #{id} is already closed.",
  "errors.unit_unknown": "No unit with code {code}.",
  "errors.agency_unknown": "No agency with code {code}.",
  "errors.not_admin": "This command is for admins only.",
  "errors.private_only": "This command works only in a private chat with the bot.",
  "errors.group_only": "This command works only in the HR group.",
  "errors.already_handled": "This request has already been handled.",
  "role.unit_head": "unit head",
  "role.hr_approver": "transfer team",
  "role.admin": "admin",
  "commands.start": "Start / register with a code",
  "commands.help": "Help",
  "commands.report": "Report menu",
  "commands.vacancy": "Report a vacancy",
  "commands.load": "Report workload",
  "commands.staff": "Staff and transfer objections",
  "commands.status": "Summary",
  "commands.formasi": "Formasi sheet: hiring need and 5 years of retirements",
  "commands.simulasi": "What-if: plan with changed rombel, people or caps",
  "commands.map": "Map, table and proposals",
  "commands.cancel": "Cancel the conversation",
  "commands.language": "Change language",
  "commands.invite": "Create an invite (admin)",
  "commands.linkgroup": "Link this group to an agency (admin)",
  "commands.check": "Run a balancing check",
  "commands.pending": "Proposals awaiting a decision",
  "commands.export": "Export the transfer list",
  "paging.previous": "◀",
  "paging.next": "▶",
  "paging.indicator": "Page {page}/{pages}",
  "paging.shown": "Page {page} of {pages}",
  "paging.same": "This is already page {page}, and nothing in it has changed.",
  "paging.gone":
    "Page {page} no longer exists: the list now has {pages} pages. Send the command again for the current list.",
};
