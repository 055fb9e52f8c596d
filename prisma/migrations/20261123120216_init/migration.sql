-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('local', 'github', 'kubernetes');

-- CreateEnum
CREATE TYPE "ScanStatus" AS ENUM ('queued', 'running', 'succeeded', 'partial', 'failed');

-- CreateEnum
CREATE TYPE "TargetStatus" AS ENUM ('succeeded', 'failed');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('pass', 'fail', 'notApplicable', 'notAvailable', 'error');

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "location" TEXT NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "schedule" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "teamId" INTEGER,
    "ownerSource" TEXT,
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "latestScore" DOUBLE PRECISION,
    "latestGrade" TEXT,
    "latestScanAt" TIMESTAMP(3),
    "latestTargetId" INTEGER,
    "goneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scan" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "status" "ScanStatus" NOT NULL DEFAULT 'queued',
    "trigger" TEXT NOT NULL,
    "rulesVersion" TEXT NOT NULL,
    "targetsTotal" INTEGER NOT NULL DEFAULT 0,
    "targetsDone" INTEGER NOT NULL DEFAULT 0,
    "targetsFailed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Scan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScanTarget" (
    "id" SERIAL NOT NULL,
    "scanId" INTEGER NOT NULL,
    "serviceId" INTEGER,
    "targetKey" TEXT NOT NULL,
    "status" "TargetStatus" NOT NULL,
    "error" TEXT,
    "commit" TEXT,
    "facts" JSONB,
    "score" DOUBLE PRECISION,
    "grade" TEXT,
    "durationMs" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScanTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" SERIAL NOT NULL,
    "targetId" INTEGER NOT NULL,
    "ruleId" TEXT NOT NULL,
    "ruleVersion" INTEGER NOT NULL,
    "factor" TEXT NOT NULL,
    "outcome" "Outcome" NOT NULL,
    "message" TEXT NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "weight" DOUBLE PRECISION NOT NULL,
    "effort" TEXT NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactorScore" (
    "id" SERIAL NOT NULL,
    "targetId" INTEGER NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "factor" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "passed" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FactorScore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_name_key" ON "Source"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Team_slug_key" ON "Team"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Service_slug_key" ON "Service"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Service_latestTargetId_key" ON "Service"("latestTargetId");

-- CreateIndex
CREATE INDEX "Service_teamId_idx" ON "Service"("teamId");

-- CreateIndex
CREATE INDEX "Service_latestScore_idx" ON "Service"("latestScore");

-- CreateIndex
CREATE UNIQUE INDEX "Service_sourceId_path_key" ON "Service"("sourceId", "path");

-- CreateIndex
CREATE INDEX "Scan_sourceId_createdAt_idx" ON "Scan"("sourceId", "createdAt");

-- CreateIndex
CREATE INDEX "Scan_status_idx" ON "Scan"("status");

-- CreateIndex
CREATE INDEX "ScanTarget_serviceId_createdAt_idx" ON "ScanTarget"("serviceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ScanTarget_scanId_targetKey_key" ON "ScanTarget"("scanId", "targetKey");

-- CreateIndex
CREATE INDEX "Finding_targetId_idx" ON "Finding"("targetId");

-- CreateIndex
CREATE INDEX "Finding_ruleId_outcome_idx" ON "Finding"("ruleId", "outcome");

-- CreateIndex
CREATE INDEX "FactorScore_serviceId_factor_createdAt_idx" ON "FactorScore"("serviceId", "factor", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FactorScore_targetId_factor_key" ON "FactorScore"("targetId", "factor");

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_latestTargetId_fkey" FOREIGN KEY ("latestTargetId") REFERENCES "ScanTarget"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scan" ADD CONSTRAINT "Scan_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScanTarget" ADD CONSTRAINT "ScanTarget_scanId_fkey" FOREIGN KEY ("scanId") REFERENCES "Scan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScanTarget" ADD CONSTRAINT "ScanTarget_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "ScanTarget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactorScore" ADD CONSTRAINT "FactorScore_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "ScanTarget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactorScore" ADD CONSTRAINT "FactorScore_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
