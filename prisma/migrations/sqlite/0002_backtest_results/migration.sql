-- CreateTable
CREATE TABLE "BacktestResult" (
    "runId" TEXT NOT NULL PRIMARY KEY,
    "equityJson" TEXT NOT NULL,
    "tradesJson" TEXT NOT NULL,
    "fillsJson" TEXT NOT NULL,
    "orderEventsJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BacktestResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "BacktestRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BacktestRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "strategyId" TEXT,
    "strategyVersionId" TEXT,
    "paramsJson" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "progress" REAL NOT NULL DEFAULT 0,
    "metricsJson" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "graphJson" TEXT,
    "barsDone" INTEGER NOT NULL DEFAULT 0,
    "barsTotal" INTEGER,
    "startedAt" DATETIME,
    CONSTRAINT "BacktestRun_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BacktestRun_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "BacktestRun_strategyVersionId_fkey" FOREIGN KEY ("strategyVersionId") REFERENCES "StrategyVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_BacktestRun" ("createdAt", "error", "finishedAt", "id", "metricsJson", "ownerId", "paramsJson", "progress", "status", "strategyId", "strategyVersionId") SELECT "createdAt", "error", "finishedAt", "id", "metricsJson", "ownerId", "paramsJson", "progress", "status", "strategyId", "strategyVersionId" FROM "BacktestRun";
DROP TABLE "BacktestRun";
ALTER TABLE "new_BacktestRun" RENAME TO "BacktestRun";
CREATE INDEX "BacktestRun_ownerId_createdAt_idx" ON "BacktestRun"("ownerId", "createdAt");
CREATE INDEX "BacktestRun_ownerId_strategyId_createdAt_idx" ON "BacktestRun"("ownerId", "strategyId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
