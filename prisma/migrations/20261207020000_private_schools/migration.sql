-- Issue 29: redistribution of ASN teachers into private schools (Permendikdasmen 1/2025).
CREATE TYPE "PrivateSchoolPolicy" AS ENUM ('OFF', 'ON_REQUEST', 'ON');
CREATE TYPE "TeacherRequestStatus" AS ENUM ('OPEN', 'FILLED', 'CANCELLED');

ALTER TABLE "Agency" ADD COLUMN "privateSchools" "PrivateSchoolPolicy" NOT NULL DEFAULT 'OFF';
ALTER TABLE "Employee" ADD COLUMN "disciplineUntil" DATE;
ALTER TABLE "Employee" ADD COLUMN "disciplineNote" TEXT;
ALTER TABLE "Proposal" ADD COLUMN "redistribution" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "SkpRecord" (
    "id" SERIAL NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "predicate" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SkpRecord_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SkpRecord_employeeId_year_key" ON "SkpRecord"("employeeId", "year");
ALTER TABLE "SkpRecord" ADD CONSTRAINT "SkpRecord_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "TeacherRequest" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "roleId" INTEGER NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "since" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "npsn" TEXT,
    "permitNumber" TEXT,
    "initiative" BOOLEAN NOT NULL DEFAULT false,
    "status" "TeacherRequestStatus" NOT NULL DEFAULT 'OPEN',
    "requesterId" INTEGER,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeacherRequest_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "TeacherRequest_unitId_status_idx" ON "TeacherRequest"("unitId", "status");
ALTER TABLE "TeacherRequest" ADD CONSTRAINT "TeacherRequest_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
