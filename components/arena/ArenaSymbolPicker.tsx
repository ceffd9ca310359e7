'use client';
// A combobox over the symbols that have data: matches the code or the Chinese/English name.
import { useEffect, useId, useState } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import type { TSymbolOption } from '@/server/services/backtest/schemas';

export function symbolLabel(option: Pick<TSymbolOption, 'name'>, locale: string): string {
  return (locale === 'zh-CN' ? option.name.zh || option.name.en : option.name.en || option.name.zh) ?? '';
}

export function ArenaSymbolPicker({ value, onPick, invalid, describedBy }: { value: TSymbolOption | null; onPick: (o: TSymbolOption | null) => void; invalid?: boolean; describedBy?: string }) {
  const { t, locale } = usePreferences();
  const id = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);

  const search = trpc.arena.symbols.useQuery({ query, limit: 20 }, { enabled: open, staleTime: 60_000, placeholderData: (prev) => prev });
  const options = search.data ?? [];

  if (value) {
    const other = locale === 'zh-CN' ? value.name.en : value.name.zh;
    return (
      <div className="arena-symbol" data-testid="arena-symbol-chosen">
        <strong>{value.symbol}</strong> <span>{symbolLabel(value, locale)}</span>
        {other && other !== symbolLabel(value, locale) ? <span className="muted"> · {other}</span> : null}
        <button type="button" className="button button--ghost" onClick={() => onPick(null)}>
          {t.arena.change}
        </button>
      </div>
    );
  }

  const pick = (o: TSymbolOption) => {
    onPick(o);
    setText('');
    setOpen(false);
    setActive(0);
  };

  return (
    <div className="arena-combo">
      <input
        id={`${id}-input`}
        className="input"
        role="combobox"
        aria-label={t.arena.symbol}
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder={t.arena.symbolPlaceholder}
        value={text}
        autoComplete="off"
        data-testid="arena-symbol-search"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(options.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter' && open && options[active]) {
            e.preventDefault();
            pick(options[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open ? (
        <ul id={`${id}-list`} role="listbox" className="arena-combo__list" aria-label={t.arena.symbol}>
          {options.length === 0 && !search.isFetching ? <li className="arena-combo__empty">{t.arena.noSymbolMatch}</li> : null}
          {options.map((o, k) => (
            <li
              key={o.symbol}
              id={`${id}-opt-${k}`}
              role="option"
              aria-selected={k === active}
              className="arena-combo__option"
              data-symbol={o.symbol}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
              onMouseEnter={() => setActive(k)}
            >
              <span className="arena-combo__code">{o.symbol}</span>
              <span>{symbolLabel(o, locale)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
