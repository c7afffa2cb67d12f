-- Employees join by an invite bound to their NIP and state whether and where they could move (issue 15).
-- ALTER TYPE ... ADD VALUE may run inside the migration transaction (PostgreSQL 12+) as long as
-- nothing in the same transaction uses the new value; nothing here does.
ALTER TYPE "UserRole" ADD VALUE 'EMPLOYEE';

-- CreateEnum
CREATE TYPE "UnwillingReason" AS ENUM ('IKUT_PASANGAN', 'MERAWAT_ORANG_TUA', 'KESEHATAN', 'ANAK_SEKOLAH', 'LAINNYA');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "employeeId" INTEGER;

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "employeeId" INTEGER;

-- CreateTable
CREATE TABLE "EmployeeStatement" (
    "id" SERIAL NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "willing" BOOLEAN,
    "reason" "UnwillingReason",
    "note" TEXT,
    "preferences" JSONB NOT NULL DEFAULT '[]',
    "updatedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmployeeStatement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_employeeId_key" ON "User"("employeeId");

-- CreateIndex
CREATE UNIQUE INDEX "EmployeeStatement_employeeId_key" ON "EmployeeStatement"("employeeId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmployeeStatement" ADD CONSTRAINT "EmployeeStatement_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;
