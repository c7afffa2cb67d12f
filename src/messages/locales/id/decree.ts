/** From the team's approval to the decree (SK) and its TMT; cancellations (issue 15). */
export const decree = {
  "decree.cancelled.notice":
    "❎ Usulan mutasi #{id} dibatalkan: <b>{name}</b> ({nip}) tetap di {from}, tidak pindah ke {to}.\nAlasan: {reason}",
  "errors.cancel_reason_invalid": "Tulis alasan pembatalan (1–500 karakter).",
  "errors.cancel_pending": "Usulan ini belum diputuskan tim; tolak saja dengan tombol Tolak.",
  "errors.proposal_already_cancelled": "Usulan ini sudah dibatalkan ({at}).",
  "errors.cancel_effective": "Mutasi ini sudah berlaku (TMT lewat); tidak dapat dibatalkan lagi.",
  "errors.cancel_ended": "Usulan ini sudah selesai ({status}); tidak ada yang dibatalkan.",
};
