/** Balancing check, its alert, the digest, reminders and delivery notices (Bahasa Indonesia). */
export const check = {
  "check.alert.title": "⚖️ <b>Pemeriksaan keseimbangan beban kerja — {agency}</b>",
  "check.alert.unmet":
    "Kekurangan jam kerja: <b>{before} JP/minggu</b> sekarang → <b>{after} JP/minggu</b> bila usulan disetujui.",
  "check.alert.proposals":
    "{count} usulan mutasi menyusul di bawah ini; putuskan dengan tombol Setujui / Tolak.",
  "check.alert.no_proposals": "Tidak ada usulan mutasi baru untuk instansi ini kali ini.",
  "check.alert.overloaded": "<b>Paling kekurangan pegawai:</b>",
  "check.alert.underloaded": "<b>Paling longgar:</b>",
  "check.alert.unit": "• {unit}: beban {load}",
  "check.alert.none": "—",
  "check.summary":
    "Pemeriksaan #{run} selesai: kekurangan {before} → {after} JP/minggu, {created} usulan baru{skipped}. Peringatan dan kartu usulan dikirim ke grup HR.",
  "check.summary.skipped": " ({count} dilewati karena masih ada usulan yang menunggu)",
  "check.summary.nothing":
    "Pemeriksaan #{run} selesai: tidak ada mutasi yang dapat mengurangi kekurangan (kekurangan {before} JP/minggu).",
  "check.summary.blackout":
    "Pemeriksaan #{run} tidak mengirim usulan: masa larangan mutasi {from} s.d. {to} ({reason}).",
  "check.running": "Menjalankan pemeriksaan keseimbangan…",
  "check.digest.title": "🗂 <b>Usulan menunggu keputusan — {agency}</b> ({count})",
  "check.digest.item": "• #{id} {name}: {from} → {to} (sampai {expires})",
  "check.digest.more": "…dan {count} lainnya. Ketik /usulan untuk daftar lengkap.",
  "check.reminder":
    "Pengingat: <b>{unit}</b> belum melaporkan beban kerja untuk periode {period}. Laporkan dengan /beban agar pemeriksaan mingguan memakai angka terbaru.",
  "check.admin.group_blocked":
    "⚠️ Bot dikeluarkan atau diblokir di grup HR {who} (chat {chat}). Grup ditandai tidak aktif; pesan berikutnya tidak dikirim. Tambahkan bot kembali lalu jalankan /hubungkan di grup itu.\nJawaban Telegram: {error}",
  "check.admin.user_blocked":
    "⚠️ {who} (chat {chat}) memblokir bot. Akunnya ditandai tidak aktif sampai ia membuka bot lagi dengan /start.\nJawaban Telegram: {error}",
  "errors.check_not_allowed":
    "Hanya tim mutasi instansi grup ini atau admin yang dapat menjalankan pemeriksaan.",
  "errors.check_group_unlinked":
    "Grup ini belum dihubungkan ke instansi. Admin dapat menghubungkannya dengan /hubungkan &lt;KODE_INSTANSI&gt;.",
  "check.chart.title": "Beban kerja per unit — {agency}",
  "check.chart.subtitle": "Sebelum dan sesudah usulan mutasi, {date} (1 = seimbang)",
  "check.chart.before": "Sekarang",
  "check.chart.after": "Bila usulan disetujui",
  "check.chart.axis": "Rasio beban (kebutuhan / kapasitas)",
  "check.chart.caption": "📊 Beban kerja unit {agency}: sekarang dan bila usulan disetujui.",
} as const;
