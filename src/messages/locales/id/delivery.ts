/** What the outbox sender tells the admins about refused messages (Bahasa Indonesia). */
export const delivery = {
  "delivery.admin.dead_letters":
    "⚠️ Telegram menolak {count} pesan dari Seimbang; pesan itu tidak dikirim ulang.\n{items}\nDaftar lengkapnya ada di <code>status</code> (CLI).",
  "delivery.admin.dead_letter_item": "• chat {chat}: {error}",
  "delivery.admin.dead_letters_more": "…dan {count} lainnya.",
};
