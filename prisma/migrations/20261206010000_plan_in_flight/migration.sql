-- The plan in flight (issue 24): a rejection remembers whether it is about the school or the person, and
-- an admin may lift its cooldown early; a pending proposal a later check drops is SUPERSEDED with why.
CREATE TYPE "RejectScope" AS ENUM ('SCHOOL', 'PERSON');

ALTER TABLE "Proposal" ADD COLUMN "rejectScope" "RejectScope",
ADD COLUMN "rejectionLiftedAt" TIMESTAMP(3),
ADD COLUMN "rejectionLiftedById" INTEGER;

-- Rejections made before the question existed were about the school the card named.
UPDATE "Proposal" SET "rejectScope" = 'SCHOOL' WHERE "status" = 'REJECTED';
