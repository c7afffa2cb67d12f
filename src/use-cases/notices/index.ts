// notices/: the only way in from outside this folder.
export * from "./enqueue-transfer-notice.ts";
export * from "./post-open-responses.ts";
export * from "./queue-full-load-notices.ts";
export * from "./queue-letters.ts";
export * from "./record-response.ts";
export * from "./record-statement.ts";
