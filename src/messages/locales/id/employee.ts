// Employees' own voice (issue 15): joining by an invite bound to the NIP, /saya, the notice of a proposed move.
export const employee = {
  "start.welcome.employee":
    "Selamat datang kembali, {name}. Akun ini terhubung dengan data kepegawaian Anda.\nKetik /saya untuk melihat data Anda dan menyatakan kesediaan mutasi.",
  "help.employee":
    "<b>Perintah pegawai</b>\n/saya — data saya, kesediaan mutasi dan pilihan tujuan\n/batal — hentikan percakapan\n/bahasa — ganti bahasa\n/bantuan — bantuan ini\n\nSurat mutasi untuk Anda datang di chat ini: tombol <b>Tanggapi</b> atau <b>Ajukan keberatan</b> di bawahnya meneruskan kata-kata Anda kepada tim mutasi.",
  "invite.redeemed.employee":
    "Terima kasih, {name}. Akun Telegram ini sekarang terhubung dengan data kepegawaian <b>{employee}</b> ({unit}).\nKetik /saya untuk melihat data Anda dan menyatakan apakah Anda bersedia dipindah.",
  "invite.employee_created":
    "Undangan untuk pegawai <b>{target}</b> (berlaku sampai {expires}):\n<code>{code}</code>\n{link}\nBerikan tautan ini hanya kepada yang bersangkutan: siapa pun yang membukanya akan melihat data pegawai ini.",
  "invite.usage_head": "Cara pakai: /undang pegawai &lt;NIP&gt; — undangan untuk pegawai unit Anda.",
  "errors.invite_nip_invalid":
    "NIP {nip} tidak sah. NIP atau NI PPPK terdiri atas 18 angka, diawali tanggal lahir (TTTTBBHH).",
  "errors.invite_nip_unknown": "Tidak ada pegawai dengan NIP {nip}. Periksa kembali nomornya.",
  "errors.invite_nip_other_unit":
    "Pegawai dengan NIP {nip} bukan pegawai unit Anda. Kepala unit hanya dapat mengundang pegawai unitnya sendiri; hubungi admin bila datanya salah.",
  "errors.employee_only":
    "Perintah ini untuk pegawai yang sudah bergabung. Minta undangan dari kepala unit atau admin BKPSDM.",
  "errors.statement_note_invalid": "Catatan paling banyak 300 huruf.",
  "errors.statement_destination_unknown": "Tujuan itu tidak ditemukan di instansi Anda.",
  "commands.me": "Data saya dan kesediaan mutasi",
  "me.card": "<b>Data kepegawaian Anda</b>\n{lines}",
  "me.name": "Nama: <b>{name}</b>",
  "me.nip.PNS": "NIP: <code>{nip}</code>",
  "me.nip.PPPK": "NI PPPK: <code>{nip}</code>",
  "me.unit": "Unit kerja: {unit}",
  "me.unit_kecamatan": "Unit kerja: {unit} (Kecamatan {kecamatan})",
  "me.role": "Jabatan: {role}",
  "me.hours_teacher": "Jam mengajar (JJM): {taught} JP dari beban standar {capacity} JP",
  "me.hours_teacher_unknown": "Beban standar {capacity} JP (jam mengajar belum tercatat)",
  "me.hours": "Jam kerja: {capacity} jam per minggu",
  "me.golongan": "Pangkat/golongan: {golongan}",
  "me.jenjang": "Jenjang jabatan: {jenjang}",
  "me.status": "Kedudukan: {status}",
  "me.status.AKTIF": "Aktif",
  "me.status.CUTI": "Cuti",
  "me.status.TUGAS_BELAJAR": "Tugas belajar",
  "me.status.PENSIUN": "Pensiun",
  "me.status.NONAKTIF": "Tidak aktif",
  "me.statement.none": "Anda belum menyatakan kesediaan untuk dipindah.",
  "me.statement.willing": "🙋 Anda <b>bersedia dipindah</b> (sukarela).",
  "me.statement.unwilling": "✋ Anda <b>tidak bersedia</b> dipindah: {reason}.",
  "me.statement.note": "Catatan: {note}",
  "me.statement.preferences": "📍 Pilihan tujuan: {list}",
  "me.statement.no_preferences": "Belum ada pilihan tujuan.",
  "me.privacy":
    "<i>Pernyataan ini dilihat oleh Anda, kepala unit Anda dan tim mutasi, dan dapat Anda ubah kapan saja.</i>",
  "me.button.willing": "🙋 Bersedia dipindah",
  "me.button.unwilling": "✋ Tidak bersedia",
  "me.button.preferences": "📍 Pilihan tujuan",
  "me.button.clear_preferences": "Hapus pilihan tujuan",
  "me.button.no_note": "Tanpa catatan",
  "me.ask_reason": "Apa alasan utama Anda tidak bersedia dipindah?",
  "me.ask_note":
    "Alasan: <b>{reason}</b>. Tulis catatan singkat dengan kata-kata Anda sendiri (paling banyak {max} huruf), atau tekan <b>Tanpa catatan</b>.",
  "me.note.empty": "Catatan belum ditulis.",
  "me.note.too_short": "Catatan terlalu pendek.",
  "me.note.too_long": "Catatan terlalu panjang: paling banyak {max} huruf.",
  "me.ask_preferences":
    "Ketik hingga {max} tujuan yang Anda pilih, dipisah titik koma atau baris baru: nama kecamatan, kode unit, NPSN, atau nama sekolah.\nContoh: <code>Semangga; SDN-04</code>",
  "me.preferences.unknown":
    "Tujuan «{text}» tidak ditemukan. Ketik nama kecamatan, kode unit, NPSN, atau nama sekolah.",
  "me.preferences.ambiguous":
    "«{text}» cocok dengan beberapa tujuan: {candidates}. Ketik lebih lengkap atau pakai kodenya.",
  "me.preferences.too_many": "Paling banyak {max} tujuan; Anda menulis {count}.",
  "me.preferences.own_unit": "«{text}» adalah unit Anda sekarang; pilih tujuan lain.",
  "me.saved.willing":
    "Tercatat: Anda <b>bersedia dipindah</b>. Terima kasih. Ketik /saya untuk melihat atau mengubahnya.",
  "me.saved.unwilling":
    "Tercatat: Anda <b>tidak bersedia</b> dipindah ({reason}). Ketik /saya untuk melihat atau mengubahnya.",
  "me.saved.preferences": "Tercatat: pilihan tujuan Anda {list}. Ketik /saya untuk melihat atau mengubahnya.",
  "me.saved.preferences_cleared": "Pilihan tujuan Anda dihapus.",
  "me.toast.saved": "Tersimpan",
  "statement.reason.IKUT_PASANGAN": "ikut suami/istri",
  "statement.reason.MERAWAT_ORANG_TUA": "merawat orang tua",
  "statement.reason.KESEHATAN": "kesehatan",
  "statement.reason.ANAK_SEKOLAH": "anak sekolah",
  "statement.reason.LAINNYA": "lainnya",
  "statement.kecamatan": "Kecamatan {name}",
  "statement.marker.willing": "  🙋 Bersedia dipindah (sukarela)",
  "statement.marker.unwilling": "  ✋ Tidak bersedia: {reason}",
  "statement.marker.unwilling_note": "  ✋ Tidak bersedia: {reason} — “{note}”",
  "statement.marker.preferences": "  📍 Tujuan pilihan: {list}",
  "notice.caption.person":
    "📄 Surat pemberitahuan usulan mutasi: {from} → {to}. Tim mutasi telah menyetujui usulan ini; keputusan akhir ada pada SK PPK. Tekan <b>Tanggapi</b> untuk menyampaikan kesediaan atau alasan Anda.",
  "notice.caption.head":
    "📄 Surat pemberitahuan usulan mutasi <b>{name}</b> ({from} → {to}). {name} belum bergabung di Seimbang: mohon serahkan surat ini kepada yang bersangkutan, dan undang dengan /undang pegawai {nip} agar dapat menanggapi.",
  "notice.caption.group":
    "📄 Surat pemberitahuan usulan mutasi <b>{name}</b> (NIP {nip}, {from} → {to}). {name} belum bergabung di Seimbang dan kepala unit asal belum terdaftar: mohon tim serahkan surat ini kepada yang bersangkutan, dan undang dengan /undang pegawai {nip} agar dapat menanggapi.",
  "notice.button.respond": "Tanggapi",
} as const;
