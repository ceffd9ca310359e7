-- CreateTable
CREATE TABLE "MarketSymbol" (
    "symbol" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "exchange" TEXT NOT NULL,
    "board" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "nameZh" TEXT,
    "nameEn" TEXT,
    "lotSize" DOUBLE PRECISION NOT NULL,
    "lotSizeAssumed" BOOLEAN NOT NULL DEFAULT false,
    "qtyStep" DOUBLE PRECISION NOT NULL,
    "tick" DOUBLE PRECISION NOT NULL,
    "listingDate" TEXT,
    "delistingDate" TEXT,
    "ipoPrice" DOUBLE PRECISION,
    "registrationIpo" BOOLEAN,
    "parValue" DOUBLE PRECISION,
    "notes" TEXT,
    "origin" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MarketSymbol_pkey" PRIMARY KEY ("symbol")
);

-- CreateTable
CREATE TABLE "MarketSymbolStPeriod" (
    "id" SERIAL NOT NULL,
    "symbol" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT,
    "kind" TEXT NOT NULL,

    CONSTRAINT "MarketSymbolStPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BarSeries" (
    "id" SERIAL NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BarSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Bar" (
    "seriesId" INTEGER NOT NULL,
    "time" BIGINT NOT NULL,
    "open" DOUBLE PRECISION NOT NULL,
    "high" DOUBLE PRECISION NOT NULL,
    "low" DOUBLE PRECISION NOT NULL,
    "close" DOUBLE PRECISION NOT NULL,
    "volume" DOUBLE PRECISION NOT NULL,
    "amount" DOUBLE PRECISION,

    CONSTRAINT "Bar_pkey" PRIMARY KEY ("seriesId","time")
);

-- CreateTable
CREATE TABLE "MarketDataImport" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "timeframe" TEXT NOT NULL,
    "adjustment" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "rowsWritten" INTEGER NOT NULL DEFAULT 0,
    "rowsSkipped" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "errorJson" TEXT,
    "rowErrorsJson" TEXT,
    "checksum" TEXT,
    "createdById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "MarketDataImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarketProviderSetting" (
    "provider" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "baseUrl" TEXT,
    "credentialEnc" TEXT,
    "credentialHint" TEXT,
    "rateLimitPerMin" INTEGER,
    "optionsJson" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MarketProviderSetting_pkey" PRIMARY KEY ("provider")
);

-- CreateIndex
CREATE INDEX "MarketSymbolStPeriod_symbol_idx" ON "MarketSymbolStPeriod"("symbol");

-- CreateIndex
CREATE UNIQUE INDEX "BarSeries_symbol_timeframe_adjustment_key" ON "BarSeries"("symbol", "timeframe", "adjustment");

-- CreateIndex
CREATE INDEX "MarketDataImport_startedAt_idx" ON "MarketDataImport"("startedAt");

-- CreateIndex
CREATE INDEX "MarketDataImport_symbol_timeframe_idx" ON "MarketDataImport"("symbol", "timeframe");

-- AddForeignKey
ALTER TABLE "MarketSymbolStPeriod" ADD CONSTRAINT "MarketSymbolStPeriod_symbol_fkey" FOREIGN KEY ("symbol") REFERENCES "MarketSymbol"("symbol") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Bar" ADD CONSTRAINT "Bar_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "BarSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
