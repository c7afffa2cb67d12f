-- Employees as the state records them, units with several codes, honorer capacity (issue 13).
-- CreateEnum
CREATE TYPE "AsnKind" AS ENUM ('PNS', 'PPPK');

-- CreateEnum
CREATE TYPE "DataSource" AS ENUM ('FILE', 'SIASN', 'DAPODIK');

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "npsn" TEXT,
ADD COLUMN     "unorId" TEXT,
ADD COLUMN     "schoolStatus" TEXT,
ADD COLUMN     "kecamatanCode" TEXT,
ADD COLUMN     "kecamatan" TEXT,
ADD COLUMN     "desaCode" TEXT,
ADD COLUMN     "desa" TEXT,
ADD COLUMN     "rombel" INTEGER;

-- AlterTable
ALTER TABLE "Role" ADD COLUMN     "retirementAgeSet" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "hoursTaught" DOUBLE PRECISION,
ADD COLUMN     "statusUntil" DATE,
ADD COLUMN     "legalStatus" TEXT,
ADD COLUMN     "asnKind" "AsnKind" NOT NULL DEFAULT 'PNS',
ADD COLUMN     "pnsId" TEXT,
ADD COLUMN     "nuptk" TEXT,
ADD COLUMN     "titleFront" TEXT,
ADD COLUMN     "titleBack" TEXT,
ADD COLUMN     "sex" TEXT,
ADD COLUMN     "golongan" TEXT,
ADD COLUMN     "tmtGolongan" DATE,
ADD COLUMN     "jabatanName" TEXT,
ADD COLUMN     "jabatanKind" TEXT,
ADD COLUMN     "jenjang" TEXT,
ADD COLUMN     "educationLevel" TEXT,
ADD COLUMN     "education" TEXT,
ADD COLUMN     "certified" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "certifiedSubject" TEXT,
ADD COLUMN     "subject" TEXT,
ADD COLUMN     "unitSource" "DataSource",
ADD COLUMN     "roleSource" "DataSource";

-- AlterTable
ALTER TABLE "Vacancy" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closedNote" TEXT;

-- CreateTable
CREATE TABLE "Honorer" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nuptk" TEXT,
    "unitId" INTEGER NOT NULL,
    "roleId" INTEGER NOT NULL,
    "hoursTaught" DOUBLE PRECISION NOT NULL,
    "subject" TEXT,
    "employment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Honorer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Unit_npsn_key" ON "Unit"("npsn");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_unorId_key" ON "Unit"("unorId");

-- CreateIndex
CREATE UNIQUE INDEX "Honorer_key_key" ON "Honorer"("key");

-- CreateIndex
CREATE INDEX "Honorer_unitId_idx" ON "Honorer"("unitId");

-- AddForeignKey
ALTER TABLE "Honorer" ADD CONSTRAINT "Honorer_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Honorer" ADD CONSTRAINT "Honorer_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A BUP written by a jabatan sheet or `roles set` before this column existed was an admin's choice.
UPDATE "Role" SET "retirementAgeSet" = true WHERE NOT "needsReview";
