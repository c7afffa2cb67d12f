/** Retirement, cuti and tugas belajar, vacancies that close or are withdrawn (issue 13). */
export const lifecycle = {
  "jabatan.bup.rule": "menurut aturan",
  "jabatan.bup.set": "ditetapkan admin",
  "commands.leave": "Cuti / tugas belajar pegawai",
  "commands.vacancies": "Lowongan terbuka (tarik)",

  "employee.status.AKTIF": "aktif",
  "employee.status.CUTI": "cuti",
  "employee.status.TUGAS_BELAJAR": "tugas belajar",
  "employee.status.PENSIUN": "pensiun",
  "employee.status.NONAKTIF": "nonaktif",
  "leave.usage":
    "Tulis: <code>/cuti NIP cuti|tb|aktif [dd-mm-yyyy]</code>\nContoh: <code>/cuti 198501012010012001 cuti 31-01-2027</code> (cuti sampai 31-01-2027), <code>/cuti 198501012010012001 tb 30-06-2028</code> (tugas belajar), <code>/cuti 198501012010012001 aktif</code> (aktif kembali).\nSelama cuti atau tugas belajar pegawai tidak dihitung dalam kapasitas unit.",
  "leave.set.CUTI":
    "✅ {name} (NIP {nip}) cuti sampai {until}. Selama itu ia tidak dihitung dalam kapasitas {unit}; sesudahnya otomatis aktif kembali.",
  "leave.set.TUGAS_BELAJAR":
    "✅ {name} (NIP {nip}) tugas belajar sampai {until}. Selama itu ia tidak dihitung dalam kapasitas {unit}; sesudahnya otomatis aktif kembali.",
  "leave.set.AKTIF": "✅ {name} (NIP {nip}) aktif kembali dan dihitung lagi dalam kapasitas {unit}.",
  "leave.until_part": " sampai {until}",
  "leave.unchanged": "{name} (NIP {nip}) sudah berstatus {status}{until}. Tidak ada yang diubah.",
  "leave.ended":
    "🔔 Masa {status} {name} (NIP {nip}) di {unit} berakhir {until}. Ia aktif kembali dan dihitung lagi dalam kapasitas unit.",
  "errors.leave_not_allowed": "Perintah ini untuk kepala unit (pegawai unitnya sendiri) dan admin.",
  "errors.leave_nip_invalid": "«{nip}» bukan NIP: tulis 18 angka, misalnya 198501012010012001.",
  "errors.leave_nip_unknown": "Tidak ada pegawai dengan NIP {nip}. Periksa angkanya di /pegawai.",
  "errors.leave_other_unit":
    "Pegawai dengan NIP {nip} bukan pegawai unit Anda. Anda hanya dapat mengubah status pegawai unit Anda sendiri.",
  "errors.leave_status_invalid":
    "«{status}» bukan status yang dikenal. Pilih cuti, tb (tugas belajar) atau aktif.",
  "errors.leave_until_missing":
    "Cuti dan tugas belajar perlu tanggal selesai. Tulis dd-mm-yyyy sesudah statusnya, misalnya 31-01-2027.",
  "errors.leave_until_format": "«{text}» bukan tanggal. Tulis dd-mm-yyyy, misalnya 31-01-2027.",
  "errors.leave_until_impossible": "Tanggal {text} tidak ada di kalender. Periksa hari dan bulannya.",
  "errors.leave_until_past":
    "Tanggal selesai {text} tidak sesudah hari ini ({today}). Tulis tanggal yang akan datang.",
  "errors.leave_until_too_far": "Tanggal selesai {text} lebih dari {max} tahun lagi. Periksa tahunnya.",
  "errors.leave_until_unexpected": "Status aktif tidak memakai tanggal; tulis tanpa tanggal.",
  "errors.leave_locked_PENSIUN": "{name} sudah pensiun; statusnya tidak dapat diubah di sini.",
  "errors.leave_locked_NONAKTIF":
    "{name} nonaktif; statusnya tidak dapat diubah di sini. Hubungi admin BKPSDM.",

  "retire.notice_month":
    "📅 <b>Pensiun dalam sebulan</b>\n{name} (NIP {nip}), {role} di {unit}, mencapai batas usia pensiun ({age} tahun) pada <b>{date}</b>. Sejak hari itu ia tidak dihitung lagi dalam kapasitas unit dan lowongan karena pensiun dibuka otomatis.",
  "retire.done":
    "👋 <b>Pensiun</b>\n{name} (NIP {nip}), {role} di {unit}, pensiun per {date} (batas usia {age} tahun) dan tidak dihitung lagi dalam kapasitas. Lowongan 1 {role} (pensiun) dibuka, nomor {id}; tarik lewat /daftarlowongan bila pos ini tidak perlu diisi.",

  "retire.reporter": "Seimbang: {name} mencapai batas usia pensiun",
  "vacancies.title": "<b>Lowongan terbuka di {unit}</b> ({count})\n{lines}",
  "vacancies.line": "• Nomor {id}: {count} {role} — {reason}, sejak {since}",
  "vacancies.more": "… dan {count} lowongan lain (tampil {shown} yang terlama).",
  "vacancies.none": "Tidak ada lowongan terbuka di {unit}. Laporkan lowongan dengan /lowongan.",
  "vacancies.hint": "Tekan tombol untuk menarik lowongan yang tidak perlu diisi lagi.",
  "vacancies.button.withdraw": "Tarik nomor {id}: {role}",
  "vacancies.confirm":
    "Tarik lowongan nomor {id} ({count} {role}, sejak {since})? Lowongan yang ditarik tidak lagi dihitung sebagai kebutuhan unit.",
  "vacancies.button.yes": "Ya, tarik",
  "vacancies.button.no": "Jangan",
  "vacancies.withdrawn": "✅ Lowongan nomor {id} ({count} {role}) ditarik.",
  "vacancies.withdrawn_short": "Ditarik",
  "vacancies.kept": "Lowongan nomor {id} tetap terbuka.",
  "errors.vacancy_not_in_unit": "Lowongan ini bukan lowongan unit Anda.",
  "errors.vacancy_not_open_FILLED": "Lowongan nomor {id} sudah terisi. Tidak ada yang diubah.",
  "errors.vacancy_not_open_CANCELLED": "Lowongan nomor {id} sudah ditarik. Tidak ada yang diubah.",
  "errors.vacancy_unknown": "Lowongan nomor {id} tidak ditemukan.",
  "errors.employee_left_PENSIUN": "{name} sudah pensiun; usulan mutasinya tidak dapat dijalankan lagi.",
  "errors.employee_left_NONAKTIF": "{name} nonaktif; usulan mutasinya tidak dapat dijalankan.",
};
