'use client';
import { useState, type FormEvent } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';

export function CreateStrategyForm({ onCreated }: { onCreated: (name: string) => void }) {
  const t = useT();
  const utils = trpc.useUtils();
  const create = trpc.strategy.create.useMutation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const created = await create.mutateAsync({ name });
      setName('');
      onCreated(created.name);
      await utils.strategy.list.invalidate();
    } catch (err) {
      const text = errorText(err, t);
      setError(text.fields.name ?? text.message);
    }
  }

  return (
    <form className="card inline-form" onSubmit={onSubmit} noValidate>
      <label htmlFor="new-strategy-name">{t.strategies.newName}</label>
      <div className="inline-form__row">
        <input
          id="new-strategy-name"
          className="input"
          value={name}
          placeholder={t.strategies.namePlaceholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-strategy-name-error' : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {t.strategies.create}
        </button>
      </div>
      {error ? (
        <p id="new-strategy-name-error" className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
