-- AlterEnum
BEGIN;
-- Nothing has ever written `scoring` (a closed interview is `completed` until its report is built), but should a row
-- hold it anyway, it is the same state.
UPDATE "Interview" SET "status" = 'completed' WHERE "status" = 'scoring';
CREATE TYPE "InterviewStatus_new" AS ENUM ('invited', 'consented', 'in_progress', 'paused', 'completed', 'scored', 'reported', 'expired', 'withdrawn', 'erased', 'declined');
ALTER TABLE "public"."Interview" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Interview" ALTER COLUMN "status" TYPE "InterviewStatus_new" USING ("status"::text::"InterviewStatus_new");
ALTER TYPE "InterviewStatus" RENAME TO "InterviewStatus_old";
ALTER TYPE "InterviewStatus_new" RENAME TO "InterviewStatus";
DROP TYPE "public"."InterviewStatus_old";
ALTER TABLE "Interview" ALTER COLUMN "status" SET DEFAULT 'invited';
COMMIT;
