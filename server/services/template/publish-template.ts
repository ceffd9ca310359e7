import { randomBytes } from 'node:crypto';
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { preparePublishedVersion } from './prepare-published-version';
import type { TMyTemplate, TPublishTemplate } from './schemas';
import { toMyTemplate } from './to-template-dto';

/** 96 random bits: an unlisted template's link is its only protection, so it must not be guessable. */
export function createTemplateId(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Publishes one of the caller's strategies as version 1 of a new template. A strategy is published
 * at most once (a second publish is a conflict naming the existing template): later changes are new
 * versions of that template, so its link, uses and forks carry over.
 */
export async function publishTemplate(db: TDb, input: TPublishTemplate & { ownerId: string }): Promise<TMyTemplate> {
  const prepared = await preparePublishedVersion(db, input);
  const existing = await db.publishedTemplate.findFirst({ where: { ownerId: input.ownerId, strategyId: input.strategyId }, select: { id: true } });
  if (existing) throw new AppError('template_already_published', 'strategyId', { templateId: existing.id });
  const row = await db.$transaction(async (tx) => {
    const t = await tx.publishedTemplate.create({
      data: {
        id: createTemplateId(),
        ownerId: input.ownerId,
        strategyId: input.strategyId,
        visibility: input.visibility,
        title: input.title,
        description: input.description,
        tagsJson: JSON.stringify(input.tags),
        marketsJson: JSON.stringify(input.markets),
        usesAi: prepared.usesAi,
        currentVersion: 1,
      },
    });
    await tx.publishedTemplateVersion.create({
      data: { templateId: t.id, version: 1, graphJson: prepared.graphJson, aiCacheJson: prepared.aiCacheJson, referenceJson: prepared.referenceJson },
    });
    return t;
  });
  return toMyTemplate(row, !!prepared.aiCacheJson);
}
