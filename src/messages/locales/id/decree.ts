/** From the team's approval to the decree (SK) and its TMT; cancellations (issue 15). */
export const decree = {
  "decree.cancelled.notice":
    "❎ Usulan mutasi #{id} dibatalkan: <b>{name}</b> ({nip}) tetap di {from}, tidak pindah ke {to}.\nAlasan: {reason}",
  "errors.cancel_reason_invalid": "Tulis alasan pembatalan (1–500 karakter).",
  "errors.cancel_pending": "Usulan ini belum diputuskan tim; tolak saja dengan tombol Tolak.",
  "errors.proposal_already_cancelled": "Usulan ini sudah dibatalkan ({at}).",
  "errors.cancel_effective": "Mutasi ini sudah berlaku (TMT lewat); tidak dapat dibatalkan lagi.",
  "errors.cancel_ended": "Usulan ini sudah selesai ({status}); tidak ada yang dibatalkan.",
  "decree.card.decreed": "📜 Disetujui tim ({by}); <b>SK {sk}</b> tanggal {date}, TMT {tmt}",
  "decree.card.effective":
    "🏁 <b>Berlaku</b> sejak TMT {tmt}: pegawai sudah pindah (SK {sk} tanggal {date}; disetujui tim: {by})",
  "decree.card.cancelled": "❎ <b>Dibatalkan</b> pada {at}\nAlasan: {reason}",
  "decree.decreed.head_out":
    "📜 SK mutasi terbit ({sk}, tanggal {date}): <b>{name}</b> (NIP {nip}) akan pindah dari unit Anda {from} ke {to} mulai TMT {tmt}. Sampai TMT ia tetap bertugas di unit Anda.",
  "decree.decreed.head_in":
    "📜 SK mutasi terbit ({sk}, tanggal {date}): <b>{name}</b> (NIP {nip}) akan bertugas di unit Anda {to}, dari {from}, mulai TMT {tmt}.",
  "decree.effective.head_out":
    "🏁 Mutasi berlaku (SK {sk}, TMT {date}): <b>{name}</b> (NIP {nip}) pindah dari unit Anda {from} ke {to} sebagai {role}.\nAlasan: {reason}",
  "decree.effective.head_in":
    "🏁 Mutasi berlaku (SK {sk}, TMT {date}): <b>{name}</b> (NIP {nip}) pindah ke unit Anda {to} dari {from} sebagai {role}.\nAlasan: {reason}",
  "decree.effective.person":
    "🏁 Mulai hari ini (TMT {date}) Anda bertugas di <b>{to}</b> sebagai {role}, sesuai SK {sk}. Terima kasih atas pengabdian Anda di {from}.",
  "decree.effective.cancelled_reason": "Mutasi tidak dapat dijalankan pada TMT {tmt}: {problem}",
  "decree.effective.admin_cancelled":
    "⚠️ Usulan #{id} ({name}, SK {sk}) dibatalkan pada TMT {tmt}: {problem}",
  "decree.recorded":
    "📜 SK usulan #{id} dicatat: <b>{sk}</b> tanggal {date}, TMT {tmt}. {name} pindah dari {from} ke {to} pada TMT. Batas keberatan: {deadline}.",
  "decree.recorded_effective":
    "🏁 TMT {tmt} sudah tiba: mutasi langsung berlaku. {name} kini tercatat di {to}; kedua kepala unit dan yang bersangkutan diberi tahu.",
  "decree.recorded_cancelled":
    "⚠️ TMT {tmt} sudah tiba, tetapi mutasi tidak dapat dijalankan, sehingga usulan dibatalkan: {reason}",
  "decree.sk.usage":
    "Cara pakai: /sk &lt;id_usulan&gt; &lt;nomor_SK&gt; &lt;tanggal dd-mm-yyyy&gt; &lt;TMT dd-mm-yyyy&gt;\nContoh: /sk 12 800/123/BKPSDM/2026 03-12-2026 02-01-2027",
  "decree.cancel.usage":
    "Cara pakai: /batalusulan &lt;id_usulan&gt; &lt;alasan&gt;\nContoh: /batalusulan 12 Pegawai sakit berat",
  "decree.cancel.done": "Usulan #{id} dibatalkan ({name}: {from} → {to}). Alasan: {reason}",
  "errors.decree_not_admin": "Hanya admin yang dapat mencatat SK atau membatalkan usulan.",
  "errors.decree_nomor_invalid": "Nomor SK harus 1 sampai 100 karakter.",
  "errors.decree_date_invalid": "«{text}» bukan tanggal. Tulis dd-mm-yyyy, misalnya 03-12-2026.",
  "errors.decree_tmt_before_sk": "TMT ({tmt}) tidak boleh sebelum tanggal SK ({date}).",
  "errors.decree_not_approved":
    "Usulan #{id} belum disetujui tim ({status}); SK hanya dicatat untuk usulan yang disetujui.",
  "errors.decree_already": "SK usulan #{id} sudah dicatat: {sk} tanggal {date}, TMT {tmt} (dicatat {at}).",
  "errors.decree_ended": "Usulan #{id} sudah selesai ({status}); SK tidak dapat dicatat.",
  "errors.decree_frozen":
    "Pencatatan SK mutasi dihentikan sampai {until} ({reason}; UU 10/2016 Pasal 71 ayat 2) kecuali ada persetujuan tertulis Menteri.",
  "export.annex.sk_number": "Nomor SK",
  "export.annex.sk_date": "Tanggal SK",
  "export.annex.state": "Status",
  "export.state.APPROVED": "Disetujui tim, menunggu SK",
  "export.state.DECREED": "SK terbit, menunggu TMT",
  "export.state.EFFECTIVE": "Berlaku",
  "decree.import.bad_nip": "NIP / NI PPPK «{nip}» tidak 18 angka",
  "decree.import.no_number": "Nomor SK kosong",
  "decree.import.no_proposal": "tidak ada usulan yang disetujui tim untuk NIP {nip}",
  "decree.import.other_sk": "usulan #{id} sudah memakai SK {sk}",
  "errors.decree_import_no_columns":
    "Berkas ini bukan daftar SK: tidak ada kolom NIP / NI PPPK, Nomor SK, Tanggal SK dan TMT. Pakai Lampiran SK dari ekspor mutasi.",
  "commands.sk": "Catat SK mutasi: nomor, tanggal, TMT (admin)",
  "commands.batalusulan": "Batalkan usulan yang disetujui sebelum TMT (admin)",
  "digest.counts_cancelled": " · dibatalkan {count}",
  "decree.details.deadline": "Batas keberatan atas SK (UU 30/2014 Pasal 77): {date}.",
  "errors.holiday_date_invalid": "«{text}» bukan tanggal. Tulis dd-mm-yyyy, misalnya 25-12-2026.",
  "errors.holiday_unknown": "{day} tidak ada dalam daftar hari libur.",
};
