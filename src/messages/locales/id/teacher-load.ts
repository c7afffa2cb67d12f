/**
 * Teacher load as Dapodik states it: where a need comes from, honorer capacity, certified teachers
 * under the standard JP (tunjangan profesi needs 24 JP, PP 74/2008 Pasal 52), kecamatan grouping.
 */
export const teacherLoad = {
  "status.source.rombel": " (dihitung dari rombel)",
  "status.source.hours_taught": " (dihitung dari jam mengajar)",
  "status.honorers": " + {count} honorer",
  "status.certified_under":
    "\n\n⚠️ <b>Guru bersertifikat di bawah beban standar</b> ({count}); tunjangan profesi perlu 24 JP:\n{lines}",
  "status.certified_line": "• {name} — {role}: mengajar {taught} dari {standard} JP",
  "status.certified_count":
    "\n\n⚠️ {count} guru bersertifikat mengajar di bawah beban standar (tunjangan profesi perlu 24 JP).",
  "status.kecamatan_section": "\n\n<b>Per kecamatan</b>\n{lines}",
  "status.kecamatan_line":
    "• {kecamatan}: {units} unit, butuh {demand}, tersedia {capacity} — {load}{certified}",
  "status.kecamatan_certified": "; ⚠️ {count} guru bersertifikat di bawah 24 JP",
  "status.kecamatan_unknown": "Kecamatan belum diketahui",
  "status.district":
    "<b>Keseimbangan seluruh kabupaten</b>, periode {period} ({units} unit)\nKekurangan: {unmet} per minggu{certified}{kecamatan}",
  "staff.taught": " · mengajar {taught} JP",
  "staff.certified_under":
    "  ⚠️ bersertifikat, mengajar {taught} dari {standard} JP: tunjangan profesi perlu {standard} JP",
  "check.alert.certified_under":
    "⚠️ {count} guru bersertifikat mengajar di bawah 24 JP (tunjangan profesi berisiko): calon yang wajar untuk mutasi.",
} as const;
