-- AlterTable
ALTER TABLE "BacktestRun" ADD COLUMN     "barsDone" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "barsTotal" INTEGER,
ADD COLUMN     "graphJson" TEXT,
ADD COLUMN     "startedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "BacktestResult" (
    "runId" TEXT NOT NULL,
    "equityJson" TEXT NOT NULL,
    "tradesJson" TEXT NOT NULL,
    "fillsJson" TEXT NOT NULL,
    "orderEventsJson" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BacktestResult_pkey" PRIMARY KEY ("runId")
);

-- CreateIndex
CREATE INDEX "BacktestRun_ownerId_strategyId_createdAt_idx" ON "BacktestRun"("ownerId", "strategyId", "createdAt");

-- AddForeignKey
ALTER TABLE "BacktestResult" ADD CONSTRAINT "BacktestResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BacktestRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
