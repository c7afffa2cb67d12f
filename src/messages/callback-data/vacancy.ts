import { conversationButton } from "./conversation-button.ts";

/** Vacancy conversation: "vac:{nonce}:role:12", "vac:{nonce}:reason:PENSIUN", "vac:{nonce}:since:this", "vac:{nonce}:send:". */
export const vacancyData = conversationButton("vac", [
  "role",
  "reason",
  "since",
  "send",
  "edit",
  "cancel",
] as const);
