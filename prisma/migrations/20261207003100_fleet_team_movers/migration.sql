-- AlterTable
ALTER TABLE "DailyFleetScore" ADD COLUMN     "teamMovers" JSONB NOT NULL DEFAULT '{}';
