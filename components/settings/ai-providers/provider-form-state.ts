// The provider form's state and its mapping to the API's input (pure, so it is easy to reason about).
import type { TProviderKind } from '@/server/ai/providers/provider-presets';
import type { TProviderSettingsInput, TProviderView } from '@/server/ai/settings/provider-settings';
import type { TProviderPresetDto } from '@/server/services/ai/schemas';

export type TPriceRow = { model: string; input: string; output: string; currency: 'USD' | 'CNY' };

export interface TProviderForm {
  id: string | null;
  kind: TProviderKind;
  name: string;
  baseURL: string;
  /** a new key; '' = keep the stored one */
  apiKey: string;
  removeKey: boolean;
  defaultModel: string;
  jsonMode: 'preset' | 'on' | 'off';
  timeoutS: string;
  maxRetries: string;
  concurrency: string;
  prices: TPriceRow[];
  isDefault: boolean;
}

export function presetLabel(preset: Pick<TProviderPresetDto, 'label'>, locale: string): string {
  return locale === 'zh-CN' ? preset.label.zh : preset.label.en;
}

export function emptyForm(preset: TProviderPresetDto, locale: string, firstProvider: boolean): TProviderForm {
  return {
    id: null,
    kind: preset.kind,
    name: presetLabel(preset, locale),
    baseURL: '',
    apiKey: '',
    removeKey: false,
    defaultModel: '',
    jsonMode: 'preset',
    timeoutS: '60',
    maxRetries: '3',
    concurrency: '',
    prices: [],
    isDefault: firstProvider,
  };
}

export function formFromProvider(p: TProviderView): TProviderForm {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    baseURL: p.baseURL,
    apiKey: '',
    removeKey: false,
    defaultModel: p.defaultModel,
    jsonMode: p.jsonMode === null ? 'preset' : p.jsonMode ? 'on' : 'off',
    timeoutS: String(p.timeoutMs / 1000),
    maxRetries: String(p.maxRetries),
    concurrency: p.concurrency === null ? '' : String(p.concurrency),
    prices: Object.entries(p.pricing).map(([model, price]) => ({ model, input: String(price.input), output: String(price.output), currency: price.currency })),
    isDefault: p.isDefault,
  };
}

/** A number field: '' → fallback; anything unparsable is sent as NaN so the server's check names the field. */
function num(text: string, fallback: number | null): number | null {
  if (text.trim() === '') return fallback;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.NaN;
}

export function formToInput(form: TProviderForm): TProviderSettingsInput {
  const pricing: NonNullable<TProviderSettingsInput['pricing']> = {};
  for (const row of form.prices) {
    if (row.model.trim() === '') continue;
    pricing[row.model.trim()] = { input: Number(row.input) || 0, output: Number(row.output) || 0, currency: row.currency };
  }
  const timeout = num(form.timeoutS, 60);
  return {
    ...(form.id ? { id: form.id } : {}),
    kind: form.kind,
    name: form.name,
    baseURL: form.baseURL.trim(),
    ...(form.removeKey ? { apiKey: '' } : form.apiKey.trim() ? { apiKey: form.apiKey.trim() } : {}),
    defaultModel: form.defaultModel.trim(),
    jsonMode: form.jsonMode === 'preset' ? null : form.jsonMode === 'on',
    concurrency: num(form.concurrency, null),
    timeoutMs: timeout === null ? 60_000 : Math.round(timeout * 1000),
    maxRetries: num(form.maxRetries, 3) ?? 3,
    pricing,
    isDefault: form.isDefault,
  };
}

/** A stored provider as input for a small change (e.g. "make default"): the key is left as it is. */
export function toSettingsInput(p: TProviderView): TProviderSettingsInput {
  return formToInput(formFromProvider(p));
}
