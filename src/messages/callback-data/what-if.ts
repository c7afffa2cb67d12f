import { conversationButton } from "./conversation-button.ts";

/** What-if conversation (/simulasi): "wif:{nonce}:rombel:", "wif:{nonce}:run:"… */
export const whatIfData = conversationButton("wif", ["rombel", "leaving", "caps", "run", "cancel"] as const);
