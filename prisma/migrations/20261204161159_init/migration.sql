-- CreateEnum
CREATE TYPE "Role" AS ENUM ('FACILITATOR', 'PARTICIPANT', 'OBSERVER');

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "joinCode" TEXT NOT NULL,
    "questionnaireVersion" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "questionKey" TEXT NOT NULL,
    "level" INTEGER,
    "dontKnow" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "needsImprovement" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" UUID,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnswerChange" (
    "id" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "questionKey" TEXT NOT NULL,
    "fromLevel" INTEGER,
    "fromDontKnow" BOOLEAN NOT NULL,
    "toLevel" INTEGER,
    "toDontKnow" BOOLEAN NOT NULL,
    "participantId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnswerChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_joinCode_key" ON "Assessment"("joinCode");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_tokenHash_key" ON "Participant"("tokenHash");

-- CreateIndex
CREATE INDEX "Participant_assessmentId_idx" ON "Participant"("assessmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_assessmentId_questionKey_key" ON "Answer"("assessmentId", "questionKey");

-- CreateIndex
CREATE INDEX "AnswerChange_assessmentId_revision_idx" ON "AnswerChange"("assessmentId", "revision");

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "Participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerChange" ADD CONSTRAINT "AnswerChange_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerChange" ADD CONSTRAINT "AnswerChange_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE SET NULL ON UPDATE CASCADE;
