-- CreateTable
CREATE TABLE "MarketSymbol" (
    "symbol" TEXT NOT NULL PRIMARY KEY,
    "market" TEXT NOT NULL,
    "exchange" TEXT NOT NULL,
    "board" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "nameZh" TEXT,
    "nameEn" TEXT,
    "lotSize" REAL NOT NULL,
    "lotSizeAssumed" BOOLEAN NOT NULL DEFAULT false,
    "qtyStep" REAL NOT NULL,
    "tick" REAL NOT NULL,
    "listingDate" TEXT,
    "delistingDate" TEXT,
    "ipoPrice" REAL,
    "registrationIpo" BOOLEAN,
    "parValue" REAL,
    "notes" TEXT,
    "origin" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MarketSymbolStPeriod" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "symbol" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT,
    "kind" TEXT NOT NULL,
    CONSTRAINT "MarketSymbolStPeriod_symbol_fkey" FOREIGN KEY ("symbol") REFERENCES "MarketSymbol" ("symbol") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BarSeries" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "symbol" TEXT NOT NULL,
    "timeframe" TEXT NOT NULL,
    "adjustment" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "barTime" TEXT NOT NULL DEFAULT 'end',
    "timeZone" TEXT NOT NULL,
    "firstTime" BIGINT,
    "lastTime" BIGINT,
    "barCount" INTEGER NOT NULL DEFAULT 0,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Bar" (
    "seriesId" INTEGER NOT NULL,
    "time" BIGINT NOT NULL,
    "open" REAL NOT NULL,
    "high" REAL NOT NULL,
    "low" REAL NOT NULL,
    "close" REAL NOT NULL,
    "volume" REAL NOT NULL,
    "amount" REAL,

    PRIMARY KEY ("seriesId", "time"),
    CONSTRAINT "Bar_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "BarSeries" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MarketDataImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "timeframe" TEXT NOT NULL,
    "adjustment" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "progress" REAL NOT NULL DEFAULT 0,
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "rowsWritten" INTEGER NOT NULL DEFAULT 0,
    "rowsSkipped" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "errorJson" TEXT,
    "rowErrorsJson" TEXT,
    "checksum" TEXT,
    "createdById" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "MarketProviderSetting" (
    "provider" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "baseUrl" TEXT,
    "credentialEnc" TEXT,
    "credentialHint" TEXT,
    "rateLimitPerMin" INTEGER,
    "optionsJson" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "MarketSymbolStPeriod_symbol_idx" ON "MarketSymbolStPeriod"("symbol");

-- CreateIndex
CREATE UNIQUE INDEX "BarSeries_symbol_timeframe_adjustment_key" ON "BarSeries"("symbol", "timeframe", "adjustment");

-- CreateIndex
CREATE INDEX "MarketDataImport_startedAt_idx" ON "MarketDataImport"("startedAt");

-- CreateIndex
CREATE INDEX "MarketDataImport_symbol_timeframe_idx" ON "MarketDataImport"("symbol", "timeframe");
