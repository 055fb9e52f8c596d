-- AlterTable
ALTER TABLE "DailyTeamScore" ADD COLUMN     "fixFirst" JSONB NOT NULL DEFAULT '[]';
