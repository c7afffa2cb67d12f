import type { delivery as id } from "../id/delivery.ts";

export const delivery: Record<keyof typeof id, string> = {
  "delivery.admin.dead_letters":
    "⚠️ Telegram refused {count} message(s) from Seimbang; they will not be sent again.\n{items}\nThe full list is in <code>status</code> (CLI).",
  "delivery.admin.dead_letter_item": "• chat {chat}: {error}",
  "delivery.admin.dead_letters_more": "…and {count} more.",
};
