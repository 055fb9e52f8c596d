-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "latestClusterTargetId" INTEGER,
ADD COLUMN     "repoUrl" TEXT;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "lastDiscoveredAt" TIMESTAMP(3),
ADD COLUMN     "rateLimit" JSONB;

-- CreateTable
CREATE TABLE "Repository" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "fullName" TEXT NOT NULL,
    "defaultBranch" TEXT,
    "htmlUrl" TEXT,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "fork" BOOLEAN NOT NULL DEFAULT false,
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "headSha" TEXT,
    "headEtag" TEXT,
    "scannedSha" TEXT,
    "scannedRulesVersion" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "lastError" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "retryAt" TIMESTAMP(3),
    "lastCheckedAt" TIMESTAMP(3),
    "goneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Repository_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterWorkload" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "namespace" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "serviceId" INTEGER,
    "mappedBy" TEXT NOT NULL DEFAULT 'none',
    "images" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "digests" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "replicas" INTEGER,
    "owners" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "goneAt" TIMESTAMP(3),

    CONSTRAINT "ClusterWorkload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DailyServiceScore" (
    "serviceId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "score" DOUBLE PRECISION,
    "grade" TEXT,
    "factors" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[],

    CONSTRAINT "DailyServiceScore_pkey" PRIMARY KEY ("serviceId","day")
);

-- CreateTable
CREATE TABLE "DailyTeamScore" (
    "teamId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "score" DOUBLE PRECISION,
    "services" INTEGER NOT NULL,
    "factors" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[],

    CONSTRAINT "DailyTeamScore_pkey" PRIMARY KEY ("teamId","day")
);

-- CreateTable
CREATE TABLE "DailyFleetScore" (
    "day" DATE NOT NULL,
    "score" DOUBLE PRECISION,
    "services" INTEGER NOT NULL,
    "factors" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[],
    "grades" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "DailyFleetScore_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "Repository_sourceId_status_idx" ON "Repository"("sourceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Repository_sourceId_fullName_key" ON "Repository"("sourceId", "fullName");

-- CreateIndex
CREATE INDEX "ClusterWorkload_serviceId_idx" ON "ClusterWorkload"("serviceId");

-- CreateIndex
CREATE UNIQUE INDEX "ClusterWorkload_sourceId_namespace_kind_name_key" ON "ClusterWorkload"("sourceId", "namespace", "kind", "name");

-- CreateIndex
CREATE INDEX "DailyServiceScore_day_idx" ON "DailyServiceScore"("day");

-- CreateIndex
CREATE UNIQUE INDEX "Service_latestClusterTargetId_key" ON "Service"("latestClusterTargetId");

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_latestClusterTargetId_fkey" FOREIGN KEY ("latestClusterTargetId") REFERENCES "ScanTarget"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Repository" ADD CONSTRAINT "Repository_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterWorkload" ADD CONSTRAINT "ClusterWorkload_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterWorkload" ADD CONSTRAINT "ClusterWorkload_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyServiceScore" ADD CONSTRAINT "DailyServiceScore_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyTeamScore" ADD CONSTRAINT "DailyTeamScore_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;


