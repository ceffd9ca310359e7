-- CreateTable
CREATE TABLE "BrokerAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'futu',
    "name" TEXT NOT NULL,
    "host" TEXT NOT NULL DEFAULT '127.0.0.1',
    "port" INTEGER NOT NULL DEFAULT 33333,
    "useSsl" BOOLEAN NOT NULL DEFAULT false,
    "env" TEXT NOT NULL DEFAULT 'simulate',
    "accId" TEXT,
    "websocketKeyEnc" TEXT NOT NULL,
    "unlockPasswordEnc" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BrokerAccount_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Trader" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "strategyId" TEXT NOT NULL,
    "strategyVersionId" TEXT NOT NULL,
    "strategyVersion" INTEGER NOT NULL,
    "graphJson" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "symbolsJson" TEXT NOT NULL,
    "timeframe" TEXT NOT NULL,
    "brokerKind" TEXT NOT NULL DEFAULT 'paper',
    "brokerAccountId" TEXT,
    "initialCash" REAL NOT NULL,
    "riskJson" TEXT NOT NULL,
    "costsJson" TEXT NOT NULL DEFAULT '{}',
    "fillTiming" TEXT NOT NULL DEFAULT 'next-open',
    "dataSource" TEXT NOT NULL DEFAULT 'market-data',
    "replayFrom" REAL,
    "replaySpeedMs" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'stopped',
    "statusReason" TEXT NOT NULL DEFAULT '',
    "activeFrom" REAL,
    "lastBarTime" REAL,
    "equity" REAL,
    "cash" REAL,
    "startedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Trader_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Trader_brokerAccountId_fkey" FOREIGN KEY ("brokerAccountId") REFERENCES "BrokerAccount" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TraderOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "traderId" TEXT NOT NULL,
    "clientOrderId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "qty" REAL NOT NULL,
    "limitPrice" REAL,
    "nodeId" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "barTime" REAL NOT NULL,
    "stage" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "statusReason" TEXT NOT NULL DEFAULT '',
    "filledQty" REAL NOT NULL DEFAULT 0,
    "avgFillPrice" REAL,
    "brokerOrderId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TraderOrder_traderId_fkey" FOREIGN KEY ("traderId") REFERENCES "Trader" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TraderFill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "traderId" TEXT NOT NULL,
    "fillKey" TEXT NOT NULL,
    "clientOrderId" TEXT NOT NULL,
    "time" REAL NOT NULL,
    "symbol" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "qty" REAL NOT NULL,
    "price" REAL NOT NULL,
    "fee" REAL NOT NULL,
    "feePartsJson" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TraderFill_traderId_fkey" FOREIGN KEY ("traderId") REFERENCES "Trader" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TraderEquity" (
    "traderId" TEXT NOT NULL,
    "time" REAL NOT NULL,
    "equity" REAL NOT NULL,
    "cash" REAL NOT NULL,

    PRIMARY KEY ("traderId", "time"),
    CONSTRAINT "TraderEquity_traderId_fkey" FOREIGN KEY ("traderId") REFERENCES "Trader" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TraderPosition" (
    "traderId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "qty" REAL NOT NULL,
    "avgPrice" REAL NOT NULL,
    "sellable" REAL NOT NULL,
    "lastPrice" REAL NOT NULL,

    PRIMARY KEY ("traderId", "symbol"),
    CONSTRAINT "TraderPosition_traderId_fkey" FOREIGN KEY ("traderId") REFERENCES "Trader" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TraderDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "traderId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "barTime" REAL NOT NULL,
    "action" TEXT NOT NULL,
    "confidence" REAL NOT NULL,
    "reasoning" TEXT NOT NULL,
    "error" TEXT,
    "ref" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TraderDecision_traderId_fkey" FOREIGN KEY ("traderId") REFERENCES "Trader" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TraderLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "traderId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "barTime" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TraderLog_traderId_fkey" FOREIGN KEY ("traderId") REFERENCES "Trader" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "BrokerAccount_ownerId_idx" ON "BrokerAccount"("ownerId");

-- CreateIndex
CREATE INDEX "Trader_ownerId_createdAt_idx" ON "Trader"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "Trader_status_idx" ON "Trader"("status");

-- CreateIndex
CREATE INDEX "TraderOrder_traderId_barTime_idx" ON "TraderOrder"("traderId", "barTime");

-- CreateIndex
CREATE UNIQUE INDEX "TraderOrder_traderId_clientOrderId_key" ON "TraderOrder"("traderId", "clientOrderId");

-- CreateIndex
CREATE INDEX "TraderFill_traderId_time_idx" ON "TraderFill"("traderId", "time");

-- CreateIndex
CREATE UNIQUE INDEX "TraderFill_traderId_fillKey_key" ON "TraderFill"("traderId", "fillKey");

-- CreateIndex
CREATE INDEX "TraderDecision_traderId_barTime_idx" ON "TraderDecision"("traderId", "barTime");

-- CreateIndex
CREATE UNIQUE INDEX "TraderDecision_traderId_nodeId_symbol_barTime_key" ON "TraderDecision"("traderId", "nodeId", "symbol", "barTime");

-- CreateIndex
CREATE INDEX "TraderLog_traderId_createdAt_idx" ON "TraderLog"("traderId", "createdAt");
