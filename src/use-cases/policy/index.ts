// policy/: the only way in from outside this folder.
export * from "./manage-blackouts.ts";
export * from "./manage-holidays.ts";
export * from "./set-flight-policy.ts";
export * from "./set-unwilling-policy.ts";
export * from "./set-private-schools.ts";
