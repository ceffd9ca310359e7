-- AlterTable
ALTER TABLE "Strategy" ADD COLUMN "forkedFromTemplateId" TEXT;
ALTER TABLE "Strategy" ADD COLUMN "forkedFromVersion" INTEGER;

-- CreateTable
CREATE TABLE "PublishedTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "strategyId" TEXT,
    "visibility" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "tagsJson" TEXT NOT NULL,
    "marketsJson" TEXT NOT NULL,
    "usesAi" BOOLEAN NOT NULL DEFAULT false,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "forks" INTEGER NOT NULL DEFAULT 0,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PublishedTemplate_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PublishedTemplate_strategyId_fkey" FOREIGN KEY ("strategyId") REFERENCES "Strategy" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublishedTemplateVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "templateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "graphJson" TEXT NOT NULL,
    "aiCacheJson" TEXT,
    "referenceJson" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PublishedTemplateVersion_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "PublishedTemplate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PublishedTemplate_visibility_updatedAt_idx" ON "PublishedTemplate"("visibility", "updatedAt");

-- CreateIndex
CREATE INDEX "PublishedTemplate_ownerId_updatedAt_idx" ON "PublishedTemplate"("ownerId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedTemplateVersion_templateId_version_key" ON "PublishedTemplateVersion"("templateId", "version");

-- CreateIndex
CREATE INDEX "Strategy_forkedFromTemplateId_idx" ON "Strategy"("forkedFromTemplateId");
