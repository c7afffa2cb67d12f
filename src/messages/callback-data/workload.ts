import { conversationButton } from "./conversation-button.ts";

/**
 * Workload conversation: "wl:{nonce}:rombel:" (use the class-group helper), "wl:{nonce}:rombeln:6",
 * "wl:{nonce}:staff:{employeeId}", "wl:{nonce}:next:", "wl:{nonce}:send:", "wl:{nonce}:cancel:".
 */
export const workloadData = conversationButton("wl", [
  "rombel",
  "rombeln",
  "staff",
  "next",
  "send",
  "cancel",
] as const);
