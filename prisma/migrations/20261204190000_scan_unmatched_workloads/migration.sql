-- AlterTable: deploy declarations a scan found that joined no service, listed under their source; earlier scans have none.
ALTER TABLE "Scan" ADD COLUMN     "unmatched" JSONB NOT NULL DEFAULT '[]';
