// units/: the only way in from outside this folder.
export * from "./close-filled-vacancies.ts";
export * from "./list-open-vacancies.ts";
export * from "./list-unit-roles.ts";
export * from "./list-unit-staff.ts";
export * from "./manage-roles.ts";
export * from "./report-vacancy.ts";
export * from "./report-workload.ts";
export * from "./set-employee-status.ts";
export * from "./withdraw-vacancy.ts";
export * from "./set-discipline.ts";
export * from "./request-teachers.ts";
