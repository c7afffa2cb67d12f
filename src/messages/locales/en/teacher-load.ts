import type { teacherLoad as id } from "../id/teacher-load.ts";

export const teacherLoad: Record<keyof typeof id, string> = {
  "status.source.rombel": " (from rombel)",
  "status.source.hours_taught": " (from hours taught)",
  "status.honorers": " + {count} honorary",
  "status.certified_under":
    "\n\n⚠️ <b>Certified teachers under the standard load</b> ({count}); the professional allowance needs 24 JP:\n{lines}",
  "status.certified_line": "• {name} — {role}: teaches {taught} of {standard} JP",
  "status.certified_count":
    "\n\n⚠️ {count} certified teachers teach under the standard load (the professional allowance needs 24 JP).",
  "status.kecamatan_section": "\n\n<b>By kecamatan</b>\n{lines}",
  "status.kecamatan_line": "• {kecamatan}: {units} units, needs {demand}, has {capacity} — {load}{certified}",
  "status.kecamatan_certified": "; ⚠️ {count} certified teachers under 24 JP",
  "status.kecamatan_unknown": "Kecamatan unknown",
  "status.district":
    "<b>Balance of the whole district</b>, period {period} ({units} units)\nShortage: {unmet} a week{certified}{kecamatan}",
  "staff.taught": " · teaches {taught} JP",
  "staff.certified_under":
    "  ⚠️ certified, teaches {taught} of {standard} JP: the professional allowance needs {standard} JP",
  "check.alert.certified_under":
    "⚠️ {count} certified teachers teach under 24 JP (professional allowance at risk): natural candidates for a move.",
};
