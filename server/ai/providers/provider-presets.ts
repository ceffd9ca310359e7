import { z } from 'zod';

/**
 * Every endpoint we talk to speaks OpenAI's chat-completions protocol, so a provider is a base
 * URL plus a few facts about what it supports. Users pick a preset and may override any field
 * (e.g. DashScope's international endpoint, a vLLM on another port).
 */
export const PROVIDER_KINDS = ['openai', 'deepseek', 'qwen', 'zhipu', 'moonshot', 'ollama', 'vllm', 'custom'] as const;
export const ZProviderKindSchema = z.enum(PROVIDER_KINDS);
export type TProviderKind = z.infer<typeof ZProviderKindSchema>;

export interface TProviderPreset {
  kind: TProviderKind;
  label: { en: string; zh: string };
  /** '' = the user must enter one (custom) */
  baseURL: string;
  /** local servers (Ollama, vLLM) usually run without a key */
  needsKey: boolean;
  defaultModel: string;
  /** suggestions for the settings form; any model name the endpoint knows is accepted */
  models: string[];
  /** `response_format: { type: 'json_object' }` is accepted */
  jsonMode: boolean;
  /** parallel requests allowed by default: hosted APIs take several, a local GPU one at a time */
  concurrency: number;
}

export const PROVIDER_PRESETS: Readonly<Record<TProviderKind, TProviderPreset>> = {
  openai: {
    kind: 'openai',
    label: { en: 'OpenAI', zh: 'OpenAI' },
    baseURL: 'https://api.openai.com/v1',
    needsKey: true,
    defaultModel: 'gpt-4o-mini',
    models: ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'gpt-4.1'],
    jsonMode: true,
    concurrency: 4,
  },
  deepseek: {
    kind: 'deepseek',
    label: { en: 'DeepSeek', zh: '深度求索 DeepSeek' },
    baseURL: 'https://api.deepseek.com/v1',
    needsKey: true,
    defaultModel: 'deepseek-chat',
    models: ['deepseek-chat', 'deepseek-reasoner'],
    jsonMode: true,
    concurrency: 4,
  },
  qwen: {
    kind: 'qwen',
    label: { en: 'Qwen (DashScope, compatible mode)', zh: '通义千问（DashScope 兼容模式）' },
    // international accounts use https://dashscope-intl.aliyuncs.com/compatible-mode/v1
    baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    needsKey: true,
    defaultModel: 'qwen-plus',
    models: ['qwen-turbo', 'qwen-plus', 'qwen-max'],
    jsonMode: true,
    concurrency: 4,
  },
  zhipu: {
    kind: 'zhipu',
    label: { en: 'Zhipu GLM', zh: '智谱 GLM' },
    baseURL: 'https://open.bigmodel.cn/api/paas/v4',
    needsKey: true,
    defaultModel: 'glm-4-flash',
    models: ['glm-4-flash', 'glm-4-air', 'glm-4-plus'],
    jsonMode: true,
    concurrency: 4,
  },
  moonshot: {
    kind: 'moonshot',
    label: { en: 'Moonshot / Kimi', zh: '月之暗面 Kimi' },
    baseURL: 'https://api.moonshot.cn/v1',
    needsKey: true,
    defaultModel: 'moonshot-v1-8k',
    models: ['moonshot-v1-8k', 'moonshot-v1-32k', 'kimi-k2-0711-preview'],
    jsonMode: true,
    concurrency: 2,
  },
  ollama: {
    kind: 'ollama',
    label: { en: 'Ollama (local)', zh: 'Ollama（本地）' },
    baseURL: 'http://127.0.0.1:11434/v1',
    needsKey: false,
    defaultModel: 'qwen2.5:7b',
    models: ['qwen2.5:7b', 'llama3.1:8b', 'deepseek-r1:7b'],
    jsonMode: true,
    concurrency: 1,
  },
  vllm: {
    kind: 'vllm',
    label: { en: 'vLLM (local)', zh: 'vLLM（本地）' },
    baseURL: 'http://127.0.0.1:8000/v1',
    needsKey: false,
    defaultModel: 'Qwen/Qwen2.5-7B-Instruct',
    models: ['Qwen/Qwen2.5-7B-Instruct'],
    jsonMode: true,
    concurrency: 2,
  },
  custom: {
    kind: 'custom',
    label: { en: 'Custom (OpenAI-compatible)', zh: '自定义（OpenAI 兼容）' },
    baseURL: '',
    needsKey: false,
    defaultModel: '',
    models: [],
    // unknown servers may reject response_format; the user can switch it on
    jsonMode: false,
    concurrency: 2,
  },
};
