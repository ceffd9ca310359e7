import type { TAiModelRef } from '@/nodes/sdk';
import { aiFailure, type TAiFailure } from '../client/ai-failure';
import { HEURISTIC_MODEL, HEURISTIC_PROVIDER } from '../heuristic/heuristic-analyst';
import { decryptSecret, SecretError } from '../secrets/encrypt-secret';
import { secretContext, type TProviderSettings } from '../settings/provider-settings';
import { PROVIDER_PRESETS, ZProviderKindSchema, type TProviderKind } from './provider-presets';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, type TResolvedProvider } from './resolved-provider';

export type TResolvedModel =
  | { kind: 'heuristic'; provider: typeof HEURISTIC_PROVIDER; model: typeof HEURISTIC_MODEL }
  | { kind: 'llm'; provider: TResolvedProvider; model: string }
  | { kind: 'missing'; failure: TAiFailure };

export interface TProviderDirectory {
  resolve(ref: TAiModelRef): TResolvedModel;
}

const HEURISTIC: TResolvedModel = { kind: 'heuristic', provider: HEURISTIC_PROVIDER, model: HEURISTIC_MODEL };

/**
 * Turns a node's provider reference into something callable, for one user's settings:
 * 'heuristic' → the heuristic analyst; 'auto'/'' → the default provider, else the first, else
 * the heuristic analyst (so strategies run with nothing configured); a settings id; a provider
 * kind ('deepseek'); a keyless local preset ('ollama', 'vllm') even without settings. A named
 * provider that is not configured is an error, not a silent fallback: the user asked for it.
 */
export interface TDirectoryOptions {
  /**
   * For replay-only runs: a provider kind the user has not configured still resolves (to its
   * preset, without a key). Nothing is called in replay-only mode, and the cache key names the
   * kind, so someone who imported a shared strategy's cache replays it without the author's key.
   */
  replay?: boolean;
}

export function createProviderDirectory(settings: readonly TProviderSettings[], appKey: Buffer | null, options: TDirectoryOptions = {}): TProviderDirectory {
  const decrypted = new Map<string, TResolvedProvider | TAiFailure>();
  const ordered = [...settings].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));

  const build = (s: TProviderSettings): TResolvedProvider | TAiFailure => {
    const cached = decrypted.get(s.id);
    if (cached) return cached;
    let apiKey: string | null = null;
    if (s.apiKeyEnc) {
      try {
        if (!appKey) throw new SecretError('no key-encryption key available to read the stored API key');
        apiKey = decryptSecret(s.apiKeyEnc, appKey, secretContext(s));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const failure = aiFailure('missing_key', `${s.name}: ${message}`, `${s.name}：已保存的 API Key 无法解密，请重新输入`);
        decrypted.set(s.id, failure);
        return failure;
      }
    }
    const resolved = resolvedFrom(s.kind, {
      id: s.id,
      name: s.name,
      baseURL: s.baseURL,
      apiKey,
      defaultModel: s.defaultModel,
      jsonMode: s.jsonMode,
      concurrency: s.concurrency,
      timeoutMs: s.timeoutMs,
      maxRetries: s.maxRetries,
      pricing: s.pricing,
    });
    decrypted.set(s.id, resolved);
    return resolved;
  };

  const withModel = (p: TResolvedProvider | TAiFailure, model: string): TResolvedModel =>
    'code' in p ? { kind: 'missing', failure: p } : { kind: 'llm', provider: p, model: model || p.defaultModel };

  return {
    resolve(ref) {
      const name = ref.provider.trim();
      if (name === HEURISTIC_PROVIDER) return HEURISTIC;
      if (name === '' || name === 'auto') return ordered.length > 0 ? withModel(build(ordered[0]), ref.model) : HEURISTIC;
      const byId = settings.find((s) => s.id === name);
      if (byId) return withModel(build(byId), ref.model);
      const kind = ZProviderKindSchema.safeParse(name);
      if (kind.success) {
        const byKind = ordered.find((s) => s.kind === kind.data);
        if (byKind) return withModel(build(byKind), ref.model);
        const preset = PROVIDER_PRESETS[kind.data];
        if ((options.replay || !preset.needsKey) && preset.baseURL) return withModel(resolvedFrom(kind.data, { id: kind.data }), ref.model);
        return {
          kind: 'missing',
          failure: aiFailure('not_configured', `${preset.label.en} is not configured: add it in Settings → AI providers`, `未配置 ${preset.label.zh}：请在 设置 → AI 服务 中添加`),
        };
      }
      return { kind: 'missing', failure: aiFailure('not_configured', `no AI provider "${name}" is configured`, `未配置名为 "${name}" 的 AI 服务`) };
    },
  };
}

/** Preset defaults under whatever the settings (or a test) specify. */
export function resolvedFrom(
  kind: TProviderKind,
  over: Partial<Omit<TResolvedProvider, 'jsonMode' | 'concurrency'>> & { id: string; jsonMode?: boolean | null; concurrency?: number | null },
): TResolvedProvider {
  const preset = PROVIDER_PRESETS[kind];
  return {
    id: over.id,
    kind,
    name: over.name || preset.label.en,
    baseURL: (over.baseURL || preset.baseURL).replace(/\/+$/, ''),
    apiKey: over.apiKey ?? null,
    needsKey: preset.needsKey,
    defaultModel: over.defaultModel || preset.defaultModel,
    jsonMode: over.jsonMode ?? preset.jsonMode,
    concurrency: over.concurrency ?? preset.concurrency,
    timeoutMs: over.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: over.maxRetries ?? DEFAULT_MAX_RETRIES,
    pricing: over.pricing ?? {},
  };
}
