// balancing-check/: the only way in from outside this folder.
export * from "./check-types.ts";
export * from "./compute-balancing-plan.ts";
export * from "./explain-balancing-plan.ts";
export * from "./get-agency-imbalance.ts";
export * from "./get-agency-shortfalls.ts";
export * from "./post-balancing-plan.ts";
export * from "./queue-check-pushes.ts";
export * from "./run-balancing-check.ts";
export * from "./what-if.ts";
