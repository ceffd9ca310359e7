'use client';
// A combobox over the symbols that have data: matches code or Chinese/English name as you type.
import { useEffect, useId, useState } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import type { TSymbolOption } from '@/server/services/backtest/schemas';

export function symbolName(option: Pick<TSymbolOption, 'name'>, locale: string): string {
  return (locale === 'zh-CN' ? option.name.zh || option.name.en : option.name.en || option.name.zh) ?? '';
}

/** The name in the other language, when there is one (people search A-shares by either). */
export function otherSymbolName(option: Pick<TSymbolOption, 'name'>, locale: string): string {
  const other = locale === 'zh-CN' ? option.name.en : option.name.zh;
  return other && other !== symbolName(option, locale) ? other : '';
}

export function SymbolPicker({ onPick, invalid, describedBy }: { onPick: (option: TSymbolOption) => void; invalid?: boolean; describedBy?: string }) {
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

  const search = trpc.backtest.symbols.useQuery({ query, limit: 20 }, { enabled: open, staleTime: 60_000, placeholderData: (prev) => prev });
  const options = search.data ?? [];

  const pick = (option: TSymbolOption) => {
    onPick(option);
    setText('');
    setOpen(false);
    setActive(0);
  };

  return (
    <div className="bt-combo">
      <input
        id={`${id}-input`}
        className="input"
        role="combobox"
        aria-label={t.backtest.symbolSearch}
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${id}-opt-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder={t.backtest.symbolPlaceholder}
        value={text}
        autoComplete="off"
        data-testid="symbol-search"
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
        <ul id={`${id}-list`} role="listbox" className="bt-combo__list" aria-label={t.backtest.symbols}>
          {options.length === 0 && !search.isFetching ? <li className="bt-combo__empty">{t.backtest.noSymbolMatch}</li> : null}
          {options.map((o, k) => (
            <li
              key={o.symbol}
              id={`${id}-opt-${k}`}
              role="option"
              aria-selected={k === active}
              className="bt-combo__option"
              data-symbol={o.symbol}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
              onMouseEnter={() => setActive(k)}
            >
              <span className="bt-combo__code">{o.symbol}</span>
              <span className="bt-combo__name">
                {symbolName(o, locale)}
                {otherSymbolName(o, locale) ? <span className="muted"> · {otherSymbolName(o, locale)}</span> : null}
              </span>
              <span className="bt-combo__market muted">{t.backtest.markets[o.market] ?? o.market}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
