-- AlterTable: the kind of service (http, grpc, worker, job, tool, datastore, static); the next scan fills it.
ALTER TABLE "Service" ADD COLUMN     "kind" TEXT;

-- CreateIndex: the overview's kind filter over live services.
CREATE INDEX "Service_goneAt_kind_idx" ON "Service"("goneAt", "kind");
