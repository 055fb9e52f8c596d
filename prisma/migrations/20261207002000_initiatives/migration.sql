-- Initiatives (issue 15, part 4): a goal over a scope with a deadline; where each service in scope stands, and the
-- daily progress rows pages draw and project from, both worked out once per scan.
-- CreateTable
CREATE TABLE "Initiative" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL,
    "goal" JSONB NOT NULL,
    "scope" JSONB NOT NULL DEFAULT '{}',
    "startsOn" DATE NOT NULL,
    "deadline" DATE NOT NULL,
    "closedAt" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeService" (
    "initiativeId" INTEGER NOT NULL,
    "serviceId" INTEGER NOT NULL,
    "teamId" INTEGER,
    "status" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InitiativeService_pkey" PRIMARY KEY ("initiativeId","serviceId")
);

-- CreateTable
CREATE TABLE "DailyInitiativeProgress" (
    "initiativeId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "services" INTEGER NOT NULL,
    "met" INTEGER NOT NULL,
    "teams" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "DailyInitiativeProgress_pkey" PRIMARY KEY ("initiativeId","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "Initiative_slug_key" ON "Initiative"("slug");

-- CreateIndex
CREATE INDEX "InitiativeService_initiativeId_status_teamId_idx" ON "InitiativeService"("initiativeId", "status", "teamId");

-- AddForeignKey
ALTER TABLE "InitiativeService" ADD CONSTRAINT "InitiativeService_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeService" ADD CONSTRAINT "InitiativeService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeService" ADD CONSTRAINT "InitiativeService_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DailyInitiativeProgress" ADD CONSTRAINT "DailyInitiativeProgress_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;


