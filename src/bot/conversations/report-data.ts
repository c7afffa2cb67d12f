import { z } from "zod";
import type { workloadData } from "../../messages/callback-data/workload.ts";
import { VACANCY_MAX_COUNT, VACANCY_REASON_TEXT_MAX, VACANCY_REASONS } from "../../use-cases/units/index.ts";

/**
 * The typed session data of the two report conversations. Checked on every turn, so a session
 * written by an older version, or tampered with, fails loudly instead of sending a wrong report.
 */

/** A finished vacancy report, as the summary shows it and reportVacancy takes it. */
export const vacancyAnswersSchema = z.object({
  roleId: z.number().int().positive(),
  roleName: z.string(),
  count: z.number().int().min(1).max(VACANCY_MAX_COUNT),
  reason: z.enum(VACANCY_REASONS),
  reasonText: z.string().max(VACANCY_REASON_TEXT_MAX).nullable(),
  since: z.iso.date(),
});

/** The roles offered are kept from the start: a pressed role is checked against these, never trusted. */
export const vacancyDataSchema = vacancyAnswersSchema
  .partial()
  .extend({ roles: z.array(z.object({ id: z.number(), name: z.string() })) });
export type VacancyData = z.infer<typeof vacancyDataSchema>;

const workloadRoleSchema = z.object({
  id: z.number(),
  name: z.string(),
  hoursPerRombel: z.number().nullable(),
  /** JP for teaching roles, jam for the others (absent in conversations begun before it was kept). */
  hoursUnit: z.enum(["JP", "jam"]).optional(),
});

/** Beban kerja: the roles asked in turn (index), each one's need, and staff hours changed so far. */
export const workloadDataSchema = z.object({
  period: z.string(),
  roles: z.array(workloadRoleSchema),
  index: z.number().int(),
  needs: z.record(z.string(), z.object({ hours: z.number(), rombel: z.number().nullable() })),
  actual: z.record(z.string(), z.number()),
  employeeId: z.number().optional(),
});
export type WorkloadData = z.infer<typeof workloadDataSchema>;

export type WorkloadAction = Parameters<typeof workloadData.pack>[1];
