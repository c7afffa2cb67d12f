export const core = {
  "start.welcome.none":
    "Selamat datang di <b>Seimbang</b>, {name}.\nSaya membantu menyeimbangkan beban kerja ASN. Untuk mulai, buka tautan undangan dari admin BKPSDM (atau kirim /start &lt;kode&gt;).",
  "start.welcome.unit_head":
    "Selamat datang kembali, {name}. Anda kepala unit <b>{unit}</b>.\nLaporkan lowongan dengan /lowongan, beban kerja dengan /beban, lihat pegawai dengan /pegawai dan ringkasan dengan /status.",
  "start.welcome.hr_approver":
    "Selamat datang kembali, {name}. Anda tim mutasi <b>{agency}</b>.\nUsulan mutasi dikirim ke grup HR; putuskan dengan tombol Setujui / Tolak. /status menampilkan unit yang paling timpang.",
  "start.welcome.admin":
    "Selamat datang, {name}. Anda admin Seimbang.\nBuat undangan dengan /undang, hubungkan grup HR dengan /hubungkan di grup itu, dan kirim file CSV/XLSX untuk impor data.",
  "start.group":
    "Halo! Saya Seimbang. Admin dapat menghubungkan grup ini ke instansi dengan /hubungkan &lt;KODE_INSTANSI&gt;.",
  "invite.redeemed.unit_head":
    "Terima kasih, {name}. Anda sekarang terdaftar sebagai kepala unit <b>{unit}</b> ({agency}).\nKetik /bantuan untuk melihat yang bisa Anda lakukan.",
  "invite.redeemed.hr_approver":
    "Terima kasih, {name}. Anda sekarang terdaftar sebagai tim mutasi <b>{agency}</b>.\nKetik /bantuan untuk melihat yang bisa Anda lakukan.",
  "invite.redeemed.admin":
    "Terima kasih, {name}. Anda sekarang admin Seimbang.\nKetik /bantuan untuk melihat yang bisa Anda lakukan.",
  "invite.created": "Undangan untuk {target} (berlaku sampai {expires}):\n<code>{code}</code>\n{link}",
  "invite.usage":
    "Cara pakai: /undang unit &lt;KODE_UNIT&gt;, /undang hr &lt;KODE_INSTANSI&gt;, /undang pegawai &lt;NIP&gt; atau /undang admin.",
  "help.none":
    "<b>Seimbang</b> — penyeimbang beban kerja ASN.\n/start &lt;kode&gt; — daftar dengan kode undangan\n/bahasa — ganti bahasa\n/bantuan — bantuan ini",
  "help.unit_head":
    "<b>Perintah kepala unit</b>\n/lapor — menu laporan\n/lowongan — laporkan lowongan\n/daftarlowongan — lowongan terbuka, tarik lowongan\n/cuti — cuti atau tugas belajar pegawai\n/beban — laporkan beban kerja\n/pegawai — daftar pegawai dan keberatan mutasi\n/undang pegawai &lt;NIP&gt; — undang pegawai unit Anda\n/saya — data saya\n/status — ringkasan unit\n/peta — peta, tabel dan usulan\n/batal — hentikan percakapan\n/bahasa — ganti bahasa\n/mintaguru — (kepala sekolah swasta) minta guru ASN",
  "help.hr_approver":
    "<b>Perintah tim mutasi</b>\nDi grup HR: /cek (jalankan pemeriksaan), /usulan (usulan menunggu), /ekspor (daftar mutasi), /formasi (lembar formasi), /status.\nDi chat pribadi: /status, /peta (peta, tabel, usulan dan simulasi), /ekspor, /formasi, /simulasi (bagaimana jika), /bahasa.",
  "help.admin":
    "<b>Perintah admin</b>\n/undang unit|hr|pegawai|admin — buat undangan\n/hubungkan &lt;KODE_INSTANSI&gt; — di grup HR\n/jabatan — daftar jabatan, jam standar dan BUP\n/cuti &lt;NIP&gt; cuti|tb|aktif — cuti atau tugas belajar pegawai\n/kebijakan — masa larangan mutasi; /kebijakan swasta tidak|permintaan|ya — guru ASN ke sekolah swasta\n/sk &lt;id&gt; &lt;nomor&gt; &lt;tanggal&gt; &lt;TMT&gt; — catat SK mutasi\n/batalusulan &lt;id&gt; &lt;alasan&gt; — batalkan usulan sebelum TMT\n/cabutpenolakan &lt;id&gt; — cabut masa tunggu penolakan\nKirim file CSV/XLSX — impor unit dan pegawai\n/formasi — lembar formasi (rekrutmen dan pensiun)\n/simulasi — bagaimana jika rombel, pegawai atau batas berubah\n/status, /peta, /bahasa, /bantuan",
  "language.choose": "Pilih bahasa:",
  "language.set": "Bahasa diganti ke Bahasa Indonesia.",
  "fallback.text": "Maaf, saya tidak mengerti. Ketik /bantuan untuk melihat perintah yang tersedia.",
  "fallback.button": "Tombol ini sudah tidak berlaku.",
  "error.internal": "Maaf, terjadi kesalahan di sistem. Silakan coba lagi sebentar lagi.",
  // Sent without parse_mode after Telegram refused a reply: plain text, so it cannot be refused the same way.
  "error.reply_refused":
    "Maaf, Telegram menolak menampilkan jawaban kami. Kesalahan ini sudah dicatat untuk tim teknis. Silakan coba lagi nanti atau ketik /bantuan.",
  "errors.invite_unknown":
    "Kode undangan tidak dikenal. Periksa kembali kodenya atau minta undangan baru ke admin.",
  "errors.invite_used": "Kode undangan ini sudah dipakai. Minta undangan baru ke admin bila perlu.",
  "errors.invite_expired": "Kode undangan ini sudah kedaluwarsa ({expires}). Minta undangan baru ke admin.",
  "errors.request_not_private":
    "{unit} bukan sekolah swasta menurut Dapodik; permintaan guru ASN hanya untuk sekolah swasta.",
  "errors.request_not_teacher": "Permintaan hanya untuk jabatan guru.",
  "errors.request_unknown": "Permintaan guru #{id} tidak ditemukan.",
  "errors.request_closed": "Permintaan guru #{id} sudah ditutup.",
  "errors.unit_unknown": "Unit dengan kode {code} tidak ditemukan.",
  "errors.agency_unknown": "Instansi dengan kode {code} tidak ditemukan.",
  "errors.not_admin": "Perintah ini hanya untuk admin.",
  "errors.private_only": "Perintah ini hanya dapat dipakai di chat pribadi dengan bot.",
  "errors.group_only": "Perintah ini hanya dapat dipakai di grup HR.",
  "errors.already_handled": "Permintaan ini sudah diproses.",
  "role.unit_head": "kepala unit",
  "role.hr_approver": "tim mutasi",
  "role.admin": "admin",
  "commands.start": "Mulai / daftar dengan kode",
  "commands.help": "Bantuan",
  "commands.report": "Menu laporan",
  "commands.vacancy": "Laporkan lowongan",
  "commands.load": "Laporkan beban kerja",
  "commands.staff": "Pegawai dan keberatan mutasi",
  "commands.status": "Ringkasan",
  "commands.formasi": "Lembar formasi: kebutuhan rekrutmen dan pensiun 5 tahun",
  "commands.simulasi": "Simulasi: bagaimana jika rombel, pegawai atau batas berubah",
  "commands.map": "Peta, tabel dan usulan",
  "commands.cancel": "Batalkan percakapan",
  "commands.language": "Ganti bahasa",
  "commands.invite": "Buat undangan (admin)",
  "commands.linkgroup": "Hubungkan grup ke instansi (admin)",
  "commands.check": "Jalankan pemeriksaan keseimbangan",
  "commands.pending": "Usulan yang menunggu keputusan",
  "commands.export": "Ekspor daftar mutasi",
  "paging.previous": "◀",
  "paging.next": "▶",
  "paging.indicator": "Halaman {page}/{pages}",
  "paging.shown": "Halaman {page} dari {pages}",
  "paging.same": "Ini sudah halaman {page}, dan isinya belum berubah.",
  "paging.gone":
    "Halaman {page} sudah tidak ada: daftarnya sekarang {pages} halaman. Kirim perintahnya lagi untuk daftar terbaru.",
} as const;
