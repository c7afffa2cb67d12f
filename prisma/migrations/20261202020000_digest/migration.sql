-- One digest message per balancing run per HR group: its proposals decided by buttons on a paged card (issue 14).
-- CreateTable
CREATE TABLE "ProposalDigest" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "chatId" BIGINT NOT NULL,
    "messageId" INTEGER,
    "page" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProposalDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProposalDigest_runId_agencyId_key" ON "ProposalDigest"("runId", "agencyId");

-- CreateIndex
CREATE INDEX "ProposalDigest_chatId_messageId_idx" ON "ProposalDigest"("chatId", "messageId");
