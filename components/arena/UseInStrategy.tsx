'use client';
// "Use in a strategy": the debate as an AI Debate node, put on the editor's clipboard (pasted
// with Ctrl+V on any strategy's canvas) and shown as settings to read or copy.
import Link from 'next/link';
import { useState } from 'react';
import { CLIPBOARD_KIND, CLIPBOARD_STORAGE_KEY } from '@/components/editor/lib/clipboard';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';

export function UseInStrategy({ debateId }: { debateId: string }) {
  const { t } = usePreferences();
  const utils = trpc.useUtils();
  const [node, setNode] = useState<{ type: string; params: Record<string, unknown> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function copy(n: { type: string; params: Record<string, unknown> }) {
    const clip = JSON.stringify({ kind: CLIPBOARD_KIND, version: 1, nodes: [{ id: 'debate', type: n.type, params: n.params, position: { x: 0, y: 0 } }], edges: [] });
    localStorage.setItem(CLIPBOARD_STORAGE_KEY, clip);
    try {
      await navigator.clipboard.writeText(clip);
    } catch {
      // no clipboard permission (or not a secure context): the editor also reads localStorage
    }
    setCopied(true);
  }

  async function open() {
    setError(null);
    try {
      const n = await utils.arena.toNode.fetch({ id: debateId });
      setNode(n);
      await copy(n);
    } catch (err) {
      setError(errorText(err, t).message);
    }
  }

  return (
    <div className="arena-use" data-testid="arena-use-in-strategy">
      <button type="button" className="button" onClick={open}>
        {t.arena.useInStrategy}
      </button>
      {error ? <Alert>{error}</Alert> : null}
      {node ? (
        <div className="card arena-node">
          <h3>{t.arena.nodeParamsTitle}</h3>
          <p className="muted">{t.arena.nodeParamsHelp}</p>
          <pre data-testid="arena-node-params">{JSON.stringify(node.params, null, 2)}</pre>
          <div className="arena-row">
            <button type="button" className="button button--ghost" onClick={() => void copy(node)}>
              {t.arena.copyAgain}
            </button>
            {copied ? <span role="status">{t.arena.copied}</span> : null}
            <Link className="button button--ghost" href="/strategies">
              {t.arena.openStrategies}
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
