-- Issue 26: the quorum belongs to the agency, not to its HR group's chat.
ALTER TABLE "Agency" ADD COLUMN "quorum" INTEGER NOT NULL DEFAULT 1;
UPDATE "Agency" AS a SET "quorum" = g."quorum" FROM "HrGroup" AS g WHERE g."agencyId" = a."id";
ALTER TABLE "HrGroup" DROP COLUMN "quorum";
