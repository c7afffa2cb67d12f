-- The decree lifecycle (issue 15): APPROVED → DECREED (SK number, date, TMT) → EFFECTIVE; CANCELLED; the person's responses and keberatan.
-- CreateEnum
CREATE TYPE "ResponseKind" AS ENUM ('RESPONSE', 'KEBERATAN');

-- CreateEnum
CREATE TYPE "ResponseStatus" AS ENUM ('OPEN', 'UPHELD', 'DISMISSED');

-- AlterEnum


ALTER TYPE "ProposalStatus" ADD VALUE 'DECREED';
ALTER TYPE "ProposalStatus" ADD VALUE 'EFFECTIVE';
ALTER TYPE "ProposalStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "cancelledById" INTEGER,
ADD COLUMN     "decreedAt" TIMESTAMP(3),
ADD COLUMN     "decreedById" INTEGER,
ADD COLUMN     "effectiveAt" TIMESTAMP(3),
ADD COLUMN     "objectionDeadline" DATE,
ADD COLUMN     "skDate" DATE,
ADD COLUMN     "skNumber" TEXT,
ADD COLUMN     "tmt" DATE;

-- CreateTable
CREATE TABLE "EmployeeResponse" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "employeeId" INTEGER NOT NULL,
    "kind" "ResponseKind" NOT NULL,
    "text" TEXT NOT NULL,
    "status" "ResponseStatus" NOT NULL DEFAULT 'OPEN',
    "createdById" INTEGER,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "cardChatId" BIGINT,
    "cardMessageId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmployeeResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmployeeResponse_proposalId_idx" ON "EmployeeResponse"("proposalId");

-- CreateIndex
CREATE INDEX "EmployeeResponse_status_idx" ON "EmployeeResponse"("status");

-- CreateIndex
CREATE INDEX "Proposal_status_tmt_idx" ON "Proposal"("status", "tmt");

-- AddForeignKey
ALTER TABLE "EmployeeResponse" ADD CONSTRAINT "EmployeeResponse_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

