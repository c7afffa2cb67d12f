import { conversationButton } from "./conversation-button.ts";

/** Staff list: "obj:{nonce}:record:{employeeId}" / "obj:{nonce}:withdraw:{employeeId}". */
export const objectionData = conversationButton("obj", ["record", "withdraw"] as const);
