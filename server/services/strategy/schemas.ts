// Input schemas for strategies. Messages are error codes the UI translates.
import { z } from 'zod';
import { emptyGraph, ZGraphSchema, type TGraph } from '@/nodes/sdk/graph-schema';

export const ZStrategyIdSchema = z.string({ error: 'invalid_input' }).min(1, 'invalid_input').max(64, 'invalid_input');

export const ZStrategyNameSchema = z
  .string({ error: 'name_required' })
  .trim()
  .min(1, 'name_required')
  .max(80, 'name_too_long');

export const ZStrategyDescriptionSchema = z.string({ error: 'invalid_input' }).trim().max(2000, 'description_too_long');

/** The saved graph is defined once, in the node SDK (the editor, compiler and CLI share it). */
export const ZStrategyGraphSchema = ZGraphSchema;
export type TStrategyGraph = TGraph;

export const EMPTY_GRAPH: TStrategyGraph = emptyGraph();
export const MAX_GRAPH_JSON_BYTES = 2_000_000;

export const ZCreateStrategySchema = z.object({
  name: ZStrategyNameSchema,
  description: ZStrategyDescriptionSchema.optional(),
});
export const ZStrategyRefSchema = z.object({ id: ZStrategyIdSchema });
export const ZStrategyVersionRefSchema = z.object({
  id: ZStrategyIdSchema,
  version: z.number({ error: 'invalid_input' }).int('invalid_input').min(1, 'invalid_input'),
});
export const ZRenameStrategySchema = z.object({ id: ZStrategyIdSchema, name: ZStrategyNameSchema });
export const ZUpdateStrategyDescriptionSchema = z.object({ id: ZStrategyIdSchema, description: ZStrategyDescriptionSchema });
export const ZSaveStrategyGraphSchema = z.object({
  id: ZStrategyIdSchema,
  graph: ZStrategyGraphSchema,
  note: z.string().trim().max(500, 'note_too_long').optional(),
});

export type TCreateStrategy = z.infer<typeof ZCreateStrategySchema>;
export type TRenameStrategy = z.infer<typeof ZRenameStrategySchema>;
export type TUpdateStrategyDescription = z.infer<typeof ZUpdateStrategyDescriptionSchema>;
export type TSaveStrategyGraph = z.infer<typeof ZSaveStrategyGraphSchema>;

export type TStrategySummary = {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
};
export type TStrategyDetail = TStrategySummary & { graph: TStrategyGraph; latestVersion: number | null };
export type TStrategyVersionDto = { id: string; version: number; note: string; createdAt: string };
export type TStrategyVersionDetail = TStrategyVersionDto & { graph: TStrategyGraph };
