// lifecycle/: the only way in from outside this folder.
export * from "./daily-lifecycle.ts";
export * from "./expire-conversations.ts";
export * from "./leave-ends.ts";
export * from "./notify-heads.ts";
export * from "./pending-digest.ts";
export * from "./retirements.ts";
export * from "./workload-reminders.ts";
