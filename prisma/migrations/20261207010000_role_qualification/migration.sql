-- Issue 28: the education a role asks for, as the formasi sheet states it (editable reference data).
ALTER TABLE "Role" ADD COLUMN "qualification" TEXT;
