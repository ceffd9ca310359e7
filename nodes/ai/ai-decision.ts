import { z } from 'zod';
import { defineNode } from '../sdk';
import { AI_COMMON_PARAMS, AI_INPUTS, AI_OUTPUTS, buildSnapshot, clearOutputs, initAiState, isDue, noPortResult, writeOutputs } from './ai-node-common';

export const aiDecision = defineNode({
  type: 'ai.decision',
  version: 1,
  category: 'ai',
  kind: 'trading',
  async: true,
  label: { en: 'AI decision', zh: 'AI 决策' },
  description: {
    en:
      'Asks a language model for BUY / SELL / HOLD with a confidence, showing it recent bars, the values wired in (named by "labels"), ' +
      'the position, the account and the market rules. Asks every N bars or only when "ask when" is true; outputs fire on that bar only. ' +
      'Answers are cached, so rerunning a backtest costs nothing. A failed or unreadable answer is HOLD with the reason. ' +
      'With no provider configured, the heuristic analyst (fixed rules, not an AI model) answers.',
    zh:
      '让大模型给出 买入/卖出/观望 及置信度：提供最近的K线、接入的数值（用“labels”命名）、持仓、账户和市场规则。' +
      '每 N 根K线询问一次，或仅在“触发”为真时询问；输出只在询问的那根K线上有效。回答会被缓存，重跑回测不再花费。' +
      '调用失败或无法解析的回答按观望处理并记录原因。未配置 AI 服务时由启发式分析员（固定规则，非AI模型）回答。',
  },
  inputs: AI_INPUTS,
  outputs: AI_OUTPUTS,
  params: z.object({
    provider: z.string().max(100).default('auto').describe('"auto" (your default provider), "heuristic", a provider kind such as "deepseek", or a provider id'),
    model: z.string().max(200).default('').describe("model name; empty = the provider's default"),
    ...AI_COMMON_PARAMS,
  }),
  warmup: () => 0,
  init: initAiState,
  step: async ({ nodeId, in: i, params, state, ctx, out }) => {
    clearOutputs(out);
    if (!isDue(params, state, i.trigger)) return;
    if (ctx.llm === null) return writeOutputs(out, noPortResult(params.language), params.minConfidence);
    const result = await ctx.llm.decide({
      nodeId,
      snapshot: buildSnapshot(ctx, i, params),
      model: { provider: params.provider, model: params.model },
      language: params.language,
      temperature: params.temperature,
      template: params.template,
    });
    writeOutputs(out, result, params.minConfidence);
  },
  summary: (p) => `${p.provider}${p.model ? `/${p.model}` : ''} · ${p.cadence === 'bars' ? `every ${p.everyBars}` : 'on trigger'}`,
});
