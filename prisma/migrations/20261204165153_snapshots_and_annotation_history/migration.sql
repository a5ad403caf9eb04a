-- AlterTable
ALTER TABLE "AnswerChange" ADD COLUMN     "fromNeedsImprovement" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "fromNote" TEXT,
ADD COLUMN     "toNeedsImprovement" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "toNote" TEXT;

-- CreateTable
CREATE TABLE "Snapshot" (
    "id" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "answers" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "Snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Snapshot_assessmentId_createdAt_idx" ON "Snapshot"("assessmentId", "createdAt");

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;
