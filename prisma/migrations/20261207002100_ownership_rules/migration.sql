-- AlterTable
ALTER TABLE "ClusterWorkload" ADD COLUMN     "labels" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "ownerDetail" TEXT,
ADD COLUMN     "ownerFacts" JSONB,
ADD COLUMN     "repository" TEXT;

-- CreateTable
CREATE TABLE "OwnershipRule" (
    "id" SERIAL NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "teamId" INTEGER NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OwnershipRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OwnershipRule_position_idx" ON "OwnershipRule"("position");

-- AddForeignKey
ALTER TABLE "OwnershipRule" ADD CONSTRAINT "OwnershipRule_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
