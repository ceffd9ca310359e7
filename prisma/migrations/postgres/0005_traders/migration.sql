-- CreateTable
CREATE TABLE "BrokerAccount" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BrokerAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Trader" (
    "id" TEXT NOT NULL,
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
    "initialCash" DOUBLE PRECISION NOT NULL,
    "riskJson" TEXT NOT NULL,
    "costsJson" TEXT NOT NULL DEFAULT '{}',
    "fillTiming" TEXT NOT NULL DEFAULT 'next-open',
    "dataSource" TEXT NOT NULL DEFAULT 'market-data',
    "replayFrom" DOUBLE PRECISION,
    "replaySpeedMs" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'stopped',
    "statusReason" TEXT NOT NULL DEFAULT '',
    "activeFrom" DOUBLE PRECISION,
    "lastBarTime" DOUBLE PRECISION,
    "equity" DOUBLE PRECISION,
    "cash" DOUBLE PRECISION,
    "startedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Trader_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TraderOrder" (
    "id" TEXT NOT NULL,
    "traderId" TEXT NOT NULL,
    "clientOrderId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "qty" DOUBLE PRECISION NOT NULL,
    "limitPrice" DOUBLE PRECISION,
    "nodeId" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "barTime" DOUBLE PRECISION NOT NULL,
    "stage" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "statusReason" TEXT NOT NULL DEFAULT '',
    "filledQty" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "avgFillPrice" DOUBLE PRECISION,
    "brokerOrderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TraderOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TraderFill" (
    "id" TEXT NOT NULL,
    "traderId" TEXT NOT NULL,
    "fillKey" TEXT NOT NULL,
    "clientOrderId" TEXT NOT NULL,
    "time" DOUBLE PRECISION NOT NULL,
    "symbol" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "qty" DOUBLE PRECISION NOT NULL,
    "price" DOUBLE PRECISION NOT NULL,
    "fee" DOUBLE PRECISION NOT NULL,
    "feePartsJson" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TraderFill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TraderEquity" (
    "traderId" TEXT NOT NULL,
    "time" DOUBLE PRECISION NOT NULL,
    "equity" DOUBLE PRECISION NOT NULL,
    "cash" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "TraderEquity_pkey" PRIMARY KEY ("traderId","time")
);

-- CreateTable
CREATE TABLE "TraderPosition" (
    "traderId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "qty" DOUBLE PRECISION NOT NULL,
    "avgPrice" DOUBLE PRECISION NOT NULL,
    "sellable" DOUBLE PRECISION NOT NULL,
    "lastPrice" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "TraderPosition_pkey" PRIMARY KEY ("traderId","symbol")
);

-- CreateTable
CREATE TABLE "TraderDecision" (
    "id" TEXT NOT NULL,
    "traderId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "barTime" DOUBLE PRECISION NOT NULL,
    "action" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "reasoning" TEXT NOT NULL,
    "error" TEXT,
    "ref" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TraderDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TraderLog" (
    "id" TEXT NOT NULL,
    "traderId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "barTime" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TraderLog_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "BrokerAccount" ADD CONSTRAINT "BrokerAccount_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trader" ADD CONSTRAINT "Trader_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Trader" ADD CONSTRAINT "Trader_brokerAccountId_fkey" FOREIGN KEY ("brokerAccountId") REFERENCES "BrokerAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraderOrder" ADD CONSTRAINT "TraderOrder_traderId_fkey" FOREIGN KEY ("traderId") REFERENCES "Trader"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraderFill" ADD CONSTRAINT "TraderFill_traderId_fkey" FOREIGN KEY ("traderId") REFERENCES "Trader"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraderEquity" ADD CONSTRAINT "TraderEquity_traderId_fkey" FOREIGN KEY ("traderId") REFERENCES "Trader"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraderPosition" ADD CONSTRAINT "TraderPosition_traderId_fkey" FOREIGN KEY ("traderId") REFERENCES "Trader"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraderDecision" ADD CONSTRAINT "TraderDecision_traderId_fkey" FOREIGN KEY ("traderId") REFERENCES "Trader"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraderLog" ADD CONSTRAINT "TraderLog_traderId_fkey" FOREIGN KEY ("traderId") REFERENCES "Trader"("id") ON DELETE CASCADE ON UPDATE CASCADE;
