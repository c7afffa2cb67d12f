-- Reference data without SQL (issue 13): hours unit, perlu ditinjau, Dapodik labels, compatibility notes.
-- CreateEnum
CREATE TYPE "HoursUnit" AS ENUM ('JP', 'JAM');

-- AlterTable
ALTER TABLE "Role" ADD COLUMN     "hoursUnit" "HoursUnit" NOT NULL DEFAULT 'JAM',
ADD COLUMN     "needsReview" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RoleCompatibility" ADD COLUMN     "note" TEXT;

-- CreateTable
CREATE TABLE "RoleDapodikLabel" (
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "roleId" INTEGER NOT NULL,

    CONSTRAINT "RoleDapodikLabel_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RoleDapodikLabel_roleId_idx" ON "RoleDapodikLabel"("roleId");

-- AddForeignKey
ALTER TABLE "RoleDapodikLabel" ADD CONSTRAINT "RoleDapodikLabel_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Teachers count lesson hours (JP); every other role keeps clock hours.
UPDATE "Role" SET "hoursUnit" = 'JP' WHERE "isTeacher";
