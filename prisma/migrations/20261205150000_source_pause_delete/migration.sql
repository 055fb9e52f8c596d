-- AlterTable: a source can be paused (no scheduled scans) and deleted softly (history kept); existing sources are neither.
ALTER TABLE "Source" ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "deletedAt" TIMESTAMP(3);
