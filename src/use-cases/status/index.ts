// status/: the only way in from outside this folder.
export * from "./check-health.ts";
export * from "./get-audit-trail.ts";
export * from "./get-district-status.ts";
export * from "./get-unit-status.ts";
