import { z } from 'zod';
import { DEBATE_ROLES, defineNode } from '../sdk';
import { AI_COMMON_PARAMS, AI_INPUTS, AI_OUTPUTS, buildSnapshot, clearOutputs, initAiState, isDue, noPortResult, writeOutputs } from './ai-node-common';

const ZParticipant = z.object({
  role: z.enum(DEBATE_ROLES),
  provider: z.string().max(100).default('auto'),
  model: z.string().max(200).default(''),
});

export const aiDebate = defineNode({
  type: 'ai.debate',
  version: 1,
  category: 'ai',
  kind: 'trading',
  async: true,
  label: { en: 'AI debate', zh: 'AI 辩论' },
  description: {
    en:
      '2–5 participants (Bull, Bear, Analyst, Contrarian, Risk Manager), each with its own model, argue for 1–5 rounds over the same ' +
      'market data; each round they answer in parallel and see the earlier rounds. The verdict comes from a judge model or a ' +
      'confidence-weighted vote. The transcript is kept (its id is on the decision) and shown in the Debate Arena. Outputs as AI decision.',
    zh:
      '2–5 名参与者（多头、空头、分析师、逆向思考者、风控经理）各用自己的模型，围绕同一组行情数据辩论 1–5 轮；' +
      '每轮并行作答，并能看到之前各轮。最终由裁判模型或按置信度加权投票裁决。辩论记录会保存（决策上带有其 id），可在辩论竞技场查看。输出同 AI 决策。',
  },
  inputs: AI_INPUTS,
  outputs: AI_OUTPUTS,
  params: z.object({
    participants: z
      .array(ZParticipant)
      .min(2)
      .max(5)
      .default([
        { role: 'bull', provider: 'auto', model: '' },
        { role: 'bear', provider: 'auto', model: '' },
        { role: 'risk-manager', provider: 'auto', model: '' },
      ])
      .describe('2 to 5 participants: role, provider, model'),
    rounds: z.number().int().min(1).max(5).default(2).describe('debate rounds'),
    verdict: z.enum(['vote', 'judge']).default('vote').describe('confidence-weighted vote, or a judge model weighing the arguments'),
    judgeProvider: z.string().max(100).default('auto').describe('the judge (verdict "judge")'),
    judgeModel: z.string().max(200).default(''),
    ...AI_COMMON_PARAMS,
    // a debate costs several calls per ask: ask less often by default
    everyBars: z.number().int().min(1).max(10_000).default(20).describe('with cadence "bars": ask on the first bar and then every N bars'),
  }),
  warmup: () => 0,
  init: initAiState,
  step: async ({ nodeId, in: i, params, state, ctx, out }) => {
    clearOutputs(out);
    if (!isDue(params, state, i.trigger)) return;
    if (ctx.llm === null) return writeOutputs(out, noPortResult(params.language), params.minConfidence);
    const result = await ctx.llm.debate({
      nodeId,
      snapshot: buildSnapshot(ctx, i, params),
      language: params.language,
      temperature: params.temperature,
      template: params.template,
      participants: params.participants,
      rounds: params.rounds,
      verdict: params.verdict === 'judge' ? { method: 'judge', judge: { provider: params.judgeProvider, model: params.judgeModel } } : { method: 'vote' },
    });
    writeOutputs(out, result, params.minConfidence);
  },
  summary: (p) => `${p.participants.length} × ${p.rounds} · ${p.verdict}`,
});
