-- A service's tier, 1 (most critical) to 4, as it declares it or its workloads are labelled (lib/tiers).
ALTER TABLE "Service" ADD COLUMN "tier" SMALLINT;
