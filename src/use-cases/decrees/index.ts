// decrees/: the only way in from outside this folder.
export * from "./carry-out-transfer.ts";
export * from "./enqueue-decree-letter.ts";
export * from "./export-transfers.ts";
export * from "./import-decrees.ts";
export * from "./record-decree.ts";
export * from "./take-decree-effect.ts";
