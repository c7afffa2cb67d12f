-- One proposal in flight per person: pending, approved (awaiting the SK) or decreed (awaiting the TMT).
-- In its own migration: a new enum value cannot be used in the transaction that adds it.
DROP INDEX "Proposal_one_pending_per_employee";
CREATE UNIQUE INDEX "Proposal_one_open_per_employee" ON "Proposal"("employeeId") WHERE "status" IN ('PENDING', 'APPROVED', 'DECREED');
