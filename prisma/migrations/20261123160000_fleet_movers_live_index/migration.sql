-- AlterTable
ALTER TABLE "DailyFleetScore" ADD COLUMN     "movers" JSONB NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE INDEX "Service_goneAt_teamId_idx" ON "Service"("goneAt", "teamId");


