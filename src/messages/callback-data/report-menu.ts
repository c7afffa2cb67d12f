import { conversationButton } from "./conversation-button.ts";

/** /lapor menu: "rep:{nonce}:vacancy:" / "rep:{nonce}:load:". */
export const reportMenuData = conversationButton("rep", ["vacancy", "load"] as const);
