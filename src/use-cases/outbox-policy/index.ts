// outbox-policy/: the only way in from outside this folder.
export * from "./admin-recipients.ts";
export * from "./delivery-policy.ts";
export * from "./handle-lost-chat.ts";
export * from "./report-dead-letter.ts";
