/** The person's own words on a letter: a tanggapan on the notice, a keberatan on the SK, decided in the HR group (issue 15). */
export const response = {
  "response.decree_letter.person":
    "📄 Surat pemberitahuan SK mutasi Nomor {sk}: {from} → {to}, TMT {tmt}. Bila Anda berkeberatan, tekan <b>Ajukan keberatan</b> paling lambat {deadline} (21 hari kerja, UU 30/2014 Pasal 77).",
  "response.decree_letter.head":
    "📄 Surat pemberitahuan SK mutasi <b>{name}</b> Nomor {sk} ({from} → {to}, TMT {tmt}). {name} belum bergabung di Seimbang: mohon serahkan surat ini kepada yang bersangkutan; keberatan dapat diajukan paling lambat {deadline}. Undang dengan /undang pegawai {nip}.",
  "response.decree_letter.group":
    "📄 Surat pemberitahuan SK mutasi <b>{name}</b> Nomor {sk} ({from} → {to}, TMT {tmt}). {name} belum bergabung di Seimbang dan kepala unit asal belum terdaftar: mohon tim serahkan surat ini kepada yang bersangkutan; keberatan dapat diajukan paling lambat {deadline}. Undang dengan /undang pegawai {nip}.",
  "response.button.keberatan": "Ajukan keberatan",
  "response.button.cancel": "Batal",
  "response.kind.RESPONSE": "tanggapan",
  "response.kind.KEBERATAN": "keberatan",
  "response.kind_title.RESPONSE": "Tanggapan",
  "response.kind_title.KEBERATAN": "Keberatan",
  "response.ask.RESPONSE":
    "✍️ Tulis tanggapan Anda atas usulan mutasi #{id} ({from} → {to}) dalam satu pesan, paling banyak {max} karakter. Tanggapan Anda diteruskan ke tim mutasi. Ketik /batal untuk membatalkan.",
  "response.ask.KEBERATAN":
    "✍️ Tulis keberatan Anda atas SK mutasi Nomor {sk} ({from} → {to}) beserta alasannya, dalam satu pesan, paling banyak {max} karakter. Batas pengajuan: {deadline}. Ketik /batal untuk membatalkan.",
  "response.text.empty": "Tulisan Anda masih kosong. Tulis dalam satu pesan, atau ketik /batal.",
  "response.text.too_long":
    "Terlalu panjang: {length} karakter, paling banyak {max}. Persingkat lalu kirim lagi.",
  "response.recorded.RESPONSE":
    "✅ Tanggapan Anda atas usulan mutasi #{id} sudah dicatat dan diteruskan ke tim mutasi {agency}. Anda akan diberi tahu keputusannya.",
  "response.recorded.KEBERATAN":
    "✅ Keberatan Anda atas SK Nomor {sk} sudah dicatat dan diteruskan ke tim mutasi {agency}. Anda akan diberi tahu keputusannya.",
  "response.recorded_unlinked.RESPONSE":
    "✅ Tanggapan Anda atas usulan mutasi #{id} sudah dicatat ({at}). Grup tim mutasi {agency} sedang tidak terhubung ke Seimbang: admin sudah diberi tahu, dan tanggapan Anda diteruskan begitu grup terhubung kembali. Anda akan diberi tahu keputusannya.",
  "response.recorded_unlinked.KEBERATAN":
    "✅ Keberatan Anda atas SK Nomor {sk} sudah dicatat pada {at}, dalam batas waktu. Grup tim mutasi {agency} sedang tidak terhubung ke Seimbang: admin sudah diberi tahu, dan keberatan Anda diteruskan begitu grup terhubung kembali. Anda akan diberi tahu keputusannya.",
  "response.admin_unlinked.RESPONSE":
    "⚠️ <b>Tanggapan pegawai belum sampai ke tim mutasi</b>\n{name} (NIP {nip}) menanggapi usulan #{id} ({from} → {to}) pada {at}:\n<blockquote>{text}</blockquote>\n{agency} tidak punya grup HR yang aktif. Ketik /hubungkan {code} di grup tim mutasi, atau tambahkan kembali bot ke grupnya: tanggapan ini dikirim ke sana untuk diputuskan.",
  "response.admin_unlinked.KEBERATAN":
    "⚠️ <b>Keberatan belum sampai ke tim mutasi</b>\n{name} (NIP {nip}) mengajukan keberatan atas SK Nomor {sk} (usulan #{id}, {from} → {to}) pada {at}; batas keberatan {deadline}.\n<blockquote>{text}</blockquote>\n{agency} tidak punya grup HR yang aktif. Ketik /hubungkan {code} di grup tim mutasi, atau tambahkan kembali bot ke grupnya: keberatan ini dikirim ke sana untuk diputuskan.",
  "response.card.RESPONSE":
    "📣 <b>Tanggapan pegawai atas usulan mutasi #{id}</b>\n👤 {name} (NIP {nip})\n🔁 {from} → {to} ({role})\nStatus usulan: {status}\n⏳ Batas keberatan: {deadline}\n\n<blockquote>{text}</blockquote>\nDisampaikan {at}.",
  "response.card.KEBERATAN":
    "📣 <b>Keberatan atas SK mutasi #{id}</b>\n👤 {name} (NIP {nip})\n🔁 {from} → {to} ({role})\n📄 SK Nomor {sk} tanggal {skDate}, TMT {tmt}\n⏳ Batas keberatan: {deadline}\n\n<blockquote>{text}</blockquote>\nDiajukan {at}.",
  "response.card.no_deadline": "belum ada SK",
  "response.card.open": "Terima: usulan dibatalkan. Tolak: dengan alasan, yang disampaikan kepada pegawai.",
  "response.card.upheld": "✅ Diterima oleh {by} ({at}): usulan #{id} dibatalkan.",
  "response.card.dismissed": "❌ Ditolak oleh {by} ({at}).\nAlasan: {reason}",
  "response.card.button.uphold": "Terima (batalkan usulan)",
  "response.card.button.dismiss": "Tolak",
  "response.outcome.UPHELD":
    "✅ {kind} Anda atas usulan mutasi #{id} ({from} → {to}) diterima tim mutasi: usulan dibatalkan, Anda tetap di {from}.",
  "response.outcome.DISMISSED":
    "❌ {kind} Anda atas usulan mutasi #{id} ({from} → {to}) ditolak tim mutasi.\nAlasan: {reason}",
  "response.outcome.head.UPHELD":
    "✅ {kind} {name} atas usulan mutasi #{id} ({from} → {to}) diterima tim mutasi: usulan dibatalkan. Mohon sampaikan kepada yang bersangkutan.",
  "response.outcome.head.DISMISSED":
    "❌ {kind} {name} atas usulan mutasi #{id} ({from} → {to}) ditolak tim mutasi.\nAlasan: {reason}\nMohon sampaikan kepada yang bersangkutan.",
  "response.uphold.done": "Diterima: usulan #{id} dibatalkan dan pegawai diberi tahu.",
  "response.dismiss.prompt":
    "{name}, tulis alasan menolak {kind} {employee} (usulan #{id}) sebagai balasan pesan ini, paling banyak {max} karakter. Alasan ini disampaikan kepada pegawai. /batal untuk membatalkan.",
  "response.dismiss.asked": "Tulis alasannya sebagai balasan pesan di grup.",
  "response.dismiss.empty": "Alasan belum ditulis. Tulis alasannya sebagai balasan, atau /batal.",
  "response.dismiss.too_short": "Alasan belum ditulis. Tulis alasannya sebagai balasan, atau /batal.",
  "response.dismiss.too_long":
    "Alasan terlalu panjang ({length} karakter, paling banyak {max}). Persingkat lalu kirim lagi.",
  "response.dismiss.cancelled": "Penolakan {kind} #{id} dibatalkan; belum ada yang diputuskan.",
  "response.dismiss.recorded": "❌ {kind} #{id} ditolak; {employee} diberi tahu alasannya.",
  "errors.response_not_yours": "Tombol ini untuk pegawai yang bersangkutan, bukan untuk Anda.",
  "errors.response_proposal_unknown": "Usulan ini tidak ditemukan.",
  "errors.keberatan_not_decreed":
    "Keberatan hanya dapat diajukan atas SK yang sudah ditetapkan; usulan #{id} saat ini: {status}.",
  "errors.keberatan_late":
    "Batas pengajuan keberatan atas SK ini sudah lewat: paling lambat {deadline} (21 hari kerja, UU 30/2014 Pasal 77).",
  "errors.response_not_open":
    "Usulan #{id} belum diputuskan tim mutasi; sampaikan kesediaan atau alasan Anda melalui /saya.",
  "errors.response_ended": "Usulan #{id} sudah selesai ({status}); tanggapan tidak dapat disampaikan lagi.",
  "errors.response_already_open":
    "{kind} Anda atas usulan #{id} sudah diterima tim mutasi ({at}) dan sedang ditinjau. Anda akan diberi tahu hasilnya.",
  "errors.response_text_invalid": "Tulis {min}–{max} karakter.",
  "errors.response_unknown": "Tanggapan ini tidak ditemukan.",
  "errors.response_already_decided": "{kind} ini sudah diputuskan oleh {by} ({at}): {outcome}.",
  "errors.response_uphold_effective":
    "Mutasi ini sudah berlaku (TMT {tmt}); usulan tidak dapat dibatalkan lagi. Untuk mengembalikan pegawai, buat usulan mutasi baru.",
  "errors.response_about_self":
    "Anda tidak dapat memutuskan tanggapan atau keberatan tentang diri Anda sendiri.",
  "errors.dismiss_reason_invalid": "Tulis alasan penolakan (1–500 karakter).",
  "errors.decree_missing": "SK usulan ini belum lengkap (nomor, tanggal, TMT, batas keberatan).",
  "response.decided.UPHELD": "diterima",
  "response.decided.DISMISSED": "ditolak",
} as const;
