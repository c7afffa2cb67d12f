import { conversationButton } from "./conversation-button.ts";

/** Teacher request of a private school (/mintaguru): "req:{nonce}:role:12", "req:{nonce}:send:"… */
export const teacherRequestData = conversationButton("req", [
  "role",
  "since",
  "reason",
  "send",
  "edit",
  "cancel",
] as const);
