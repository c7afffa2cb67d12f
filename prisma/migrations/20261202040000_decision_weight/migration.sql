-- An objection recorded after a card was posted blocks approval until an approver marks it reviewed (issue 15).
-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "objectionReviewedAt" TIMESTAMP(3);
