-- Exemptions (issue 15, part 1): waivers of a failing check for one finding, a service, a team or a source, with a
-- kind, a reason, an expiry and an approval; applied when a service is scored. Lifecycle events go to AuditEvent.
-- CreateTable
CREATE TABLE "Exemption" (
    "id" SERIAL NOT NULL,
    "scope" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "serviceId" INTEGER,
    "teamId" INTEGER,
    "sourceId" INTEGER,
    "fingerprint" TEXT,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "codeKey" TEXT,
    "location" TEXT,
    "requestedBy" TEXT NOT NULL,
    "approvedBy" TEXT,
    "approvedAt" TIMESTAMP(3),
    "revokedBy" TEXT,
    "revokedAt" TIMESTAMP(3),
    "expiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Exemption_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Exemption_serviceId_status_idx" ON "Exemption"("serviceId", "status");

-- CreateIndex
CREATE INDEX "Exemption_teamId_status_idx" ON "Exemption"("teamId", "status");

-- CreateIndex
CREATE INDEX "Exemption_sourceId_status_idx" ON "Exemption"("sourceId", "status");

-- CreateIndex
CREATE INDEX "Exemption_status_expiresAt_idx" ON "Exemption"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Exemption_serviceId_codeKey_key" ON "Exemption"("serviceId", "codeKey");

-- AddForeignKey
ALTER TABLE "Exemption" ADD CONSTRAINT "Exemption_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exemption" ADD CONSTRAINT "Exemption_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exemption" ADD CONSTRAINT "Exemption_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
