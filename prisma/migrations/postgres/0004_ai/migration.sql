-- CreateTable
CREATE TABLE "AiProvider" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL DEFAULT '',
    "apiKeyEnc" TEXT,
    "keyHint" TEXT,
    "defaultModel" TEXT NOT NULL DEFAULT '',
    "jsonMode" BOOLEAN,
    "concurrency" INTEGER,
    "timeoutMs" INTEGER NOT NULL DEFAULT 60000,
    "maxRetries" INTEGER NOT NULL DEFAULT 3,
    "pricingJson" TEXT NOT NULL DEFAULT '{}',
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiCacheEntry" (
    "ownerId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "messagesJson" TEXT NOT NULL,
    "paramsJson" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "refusal" TEXT,
    "promptTokens" INTEGER NOT NULL,
    "completionTokens" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiCacheEntry_pkey" PRIMARY KEY ("ownerId","key")
);

-- CreateTable
CREATE TABLE "AiDecision" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "runId" TEXT,
    "traderId" TEXT,
    "nodeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "barTime" BIGINT NOT NULL,
    "barIndex" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "reasoning" TEXT NOT NULL,
    "error" TEXT,
    "answerJson" TEXT,
    "transcriptId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiDebate" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "runId" TEXT,
    "nodeId" TEXT,
    "symbol" TEXT NOT NULL,
    "barTime" BIGINT NOT NULL,
    "language" TEXT NOT NULL,
    "rounds" INTEGER NOT NULL,
    "participantsJson" TEXT NOT NULL,
    "setupJson" TEXT NOT NULL DEFAULT '{}',
    "context" TEXT NOT NULL,
    "messagesJson" TEXT NOT NULL DEFAULT '[]',
    "verdictJson" TEXT,
    "status" TEXT NOT NULL DEFAULT 'finished',
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiDebate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AiProvider_ownerId_idx" ON "AiProvider"("ownerId");

-- CreateIndex
CREATE INDEX "AiDecision_runId_symbol_barTime_idx" ON "AiDecision"("runId", "symbol", "barTime");

-- CreateIndex
CREATE INDEX "AiDecision_traderId_barTime_idx" ON "AiDecision"("traderId", "barTime");

-- CreateIndex
CREATE INDEX "AiDecision_ownerId_idx" ON "AiDecision"("ownerId");

-- CreateIndex
CREATE INDEX "AiDebate_ownerId_createdAt_idx" ON "AiDebate"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "AiDebate_runId_idx" ON "AiDebate"("runId");

-- AddForeignKey
ALTER TABLE "AiProvider" ADD CONSTRAINT "AiProvider_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiCacheEntry" ADD CONSTRAINT "AiCacheEntry_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiDecision" ADD CONSTRAINT "AiDecision_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiDebate" ADD CONSTRAINT "AiDebate_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
