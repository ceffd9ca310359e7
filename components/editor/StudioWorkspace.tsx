'use client';
// Strategy Studio: palette left, canvas centre, inspector (or version history) right, results
// drawer at the bottom. This component only wires the document, history, compiler, autosave and
// actions together; each lives in its own hook or panel.
import { useCallback, useMemo, useRef, useState } from 'react';
import { downloadFile } from '@/components/ui/download-file';
import { BacktestRunBar } from '@/components/backtest/BacktestRunBar';
import { InspectedNodeContext } from '@/components/backtest/inspected-node';
import { useT } from '@/components/preferences/PreferencesProvider';
import type { TStrategyDetail } from '@/server/services/strategy/schemas';
import { ZGraphSchema, type TGraph } from '@/nodes/sdk/graph-schema';
import { getTemplate } from '@/templates';
import { StudioCanvas } from './canvas/StudioCanvas';
import { useAutosave } from './hooks/use-autosave';
import { useCanvasGroups } from './hooks/use-canvas-groups';
import { useCompileProblems } from './hooks/use-compile-problems';
import { useEditorActions } from './hooks/use-editor-actions';
import { useEditorShortcuts } from './hooks/use-editor-shortcuts';
import { useGraphHistory } from './hooks/use-graph-history';
import { useNotice } from './hooks/use-notice';
import { useStudioDocument } from './hooks/use-studio-document';
import { GroupInspector } from './inspector/GroupInspector';
import { NodeInspector } from './inspector/NodeInspector';
import { exportFileName, graphFileText, parseGraphText } from './lib/import-graph';
import { graphKey } from './lib/graph-flow';
import { NodePalette } from './panels/NodePalette';
import { ProblemsList } from './panels/ProblemsList';
import { ResultsDrawer, type TDrawerTab } from './panels/ResultsDrawer';
import { ShortcutsHelp } from './panels/ShortcutsHelp';
import { StudioToolbar } from './panels/StudioToolbar';
import { VersionHistoryPanel } from './panels/VersionHistoryPanel';
import { ProblemsStoreContext } from './problems-store';
import { useLang } from './use-lang';

export function StudioWorkspace({ strategy }: { strategy: TStrategyDetail }) {
  const t = useT();
  const lang = useLang();
  const doc = useStudioDocument(strategy.graph);
  const { notice, notify, dismiss } = useNotice();
  const [snapToGrid, setSnapToGrid] = useState(true);
  const [showMinimap, setShowMinimap] = useState(true);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(true);
  const [drawerTab, setDrawerTab] = useState<TDrawerTab>('backtest');
  const searchRef = useRef<HTMLInputElement>(null);

  const history = useGraphHistory(doc.graph, doc.settledKey, doc.replaceGraph);
  const { store, problems } = useCompileProblems(doc.getGraph, doc.settledKey);
  const [initialKey] = useState(() => graphKey(doc.getGraph()));
  const autosave = useAutosave(strategy.id, doc.getGraph, doc.settledKey, { key: initialKey, version: strategy.latestVersion });
  const actions = useEditorActions(doc, { tagNext: history.tagNext, notify, snapToGrid });
  const groups = useCanvasGroups(doc, notify);
  const { reveal } = groups;
  const focusNode = useCallback(
    (id: string) => {
      reveal(id);
      actions.focusNode(id);
    },
    [actions, reveal],
  );
  const groupActions = useMemo(() => ({ toggleCollapsed: groups.toggleCollapsed, nodeTitle: groups.nodeTitle }), [groups.toggleCollapsed, groups.nodeTitle]);

  const loadGraph = useCallback(
    (graph: TGraph, message: string, note: string) => {
      autosave.noteNext(note);
      actions.loadGraph(graph, message);
    },
    [actions, autosave],
  );

  const onImportText = useCallback(
    (text: string) => {
      const r = parseGraphText(text);
      if (!r.ok) {
        notify(r.problem === 'not_json' ? t.editor.importExport.notJson(r.detail) : t.editor.importExport.notAGraph(r.detail), 'error');
        return;
      }
      loadGraph(r.graph, t.editor.importExport.imported(r.graph.nodes.length, r.graph.edges.length), r.templateId ? `template:${r.templateId}` : 'import');
    },
    [loadGraph, notify, t],
  );

  const onTemplate = useCallback(
    (id: string) => {
      const tpl = getTemplate(id);
      const parsed = tpl ? ZGraphSchema.safeParse(tpl.graph) : null;
      if (!tpl || !parsed?.success) return;
      loadGraph(parsed.data, t.editor.importExport.templateLoaded(tpl.title[lang]), `template:${id}`);
    },
    [lang, loadGraph, t],
  );

  const onExport = useCallback(() => {
    const name = exportFileName(strategy.name);
    downloadFile(name, graphFileText(doc.getGraph()));
    notify(t.editor.importExport.exported(name));
  }, [doc, notify, strategy.name, t]);

  const onRestore = useCallback(
    (graph: TGraph, version: number) => loadGraph(graph, t.editor.history.restored(version), `restore:${version}`),
    [loadGraph, t],
  );

  const showProblems = useCallback(() => {
    setDrawerTab('problems');
    setDrawerOpen(true);
  }, []);

  useEditorShortcuts({
    actions,
    undo: history.undo,
    redo: history.redo,
    saveNow: autosave.saveNow,
    group: groups.group,
    ungroup: groups.ungroup,
    focusSearch: () => searchRef.current?.focus(),
    showHelp: () => setHelpOpen(true),
  });

  const selected = useMemo(() => doc.nodes.filter((n) => n.selected), [doc.nodes]);
  const inGroup = selected.some((n) => doc.groups.some((g) => g.nodeIds.includes(n.id)));
  const selectionActions =
    selected.length > 0 ? (
      <>
        {selected.length > 1 ? (
          <button type="button" className="button button--ghost" onClick={groups.group} title="Ctrl/⌘+G">
            {t.editor.toolbar.group}
          </button>
        ) : null}
        {inGroup ? (
          <button type="button" className="button button--ghost" onClick={groups.ungroup} title="Ctrl/⌘+Shift+G">
            {t.editor.toolbar.ungroup}
          </button>
        ) : null}
        <button type="button" className="button button--ghost" onClick={actions.duplicateSelection} title="Ctrl/⌘+D">
          {t.editor.toolbar.duplicate}
        </button>
        <button type="button" className="button button--danger" onClick={actions.deleteSelection} title="Delete">
          {t.editor.toolbar.delete}
        </button>
      </>
    ) : null;

  return (
    <ProblemsStoreContext.Provider value={store}>
      <div className="studio" data-testid="studio">
        <StudioToolbar
          name={strategy.name}
          save={autosave.status}
          onSaveNow={autosave.saveNow}
          canUndo={history.canUndo}
          canRedo={history.canRedo}
          onUndo={history.undo}
          onRedo={history.redo}
          onLayout={actions.autoLayout}
          onFit={actions.fitView}
          snapToGrid={snapToGrid}
          onSnapToGrid={setSnapToGrid}
          showMinimap={showMinimap}
          onMinimap={setShowMinimap}
          onTemplate={onTemplate}
          onImportText={onImportText}
          onExport={onExport}
          historyOpen={historyOpen}
          onHistory={() => setHistoryOpen((o) => !o)}
          onShortcuts={() => setHelpOpen(true)}
          problemCount={problems.all.length}
          onProblems={showProblems}
        />
        <div className="studio__body">
          <NodePalette ref={searchRef} onAdd={(type) => actions.addNode(type)} />
          <StudioCanvas
            doc={doc}
            nodes={groups.canvas.nodes}
            edges={groups.canvas.edges}
            onNodesChange={groups.onNodesChange}
            groupActions={groupActions}
            actions={actions}
            notify={notify}
            snapToGrid={snapToGrid}
            showMinimap={showMinimap}
          >
            {notice ? (
              <div key={notice.id} className={`studio-notice studio-notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="studio-notice" onClick={dismiss}>
                {notice.message}
              </div>
            ) : null}
          </StudioCanvas>
          {historyOpen ? (
            <VersionHistoryPanel strategyId={strategy.id} onRestore={onRestore} onClose={() => setHistoryOpen(false)} />
          ) : selected.length === 0 && groups.selectedGroups.length === 1 ? (
            <GroupInspector
              group={groups.selectedGroups[0]}
              nodeTitle={groups.nodeTitle}
              onRename={(label) => groups.rename(groups.selectedGroups[0].id, label)}
              onToggle={() => groups.toggleCollapsed(groups.selectedGroups[0].id)}
              onUngroup={groups.ungroup}
              onFocusMember={focusNode}
            />
          ) : (
            <NodeInspector selected={selected} onParam={actions.setParam} onLabel={actions.setLabel} actions={selectionActions} />
          )}
        </div>
        <InspectedNodeContext.Provider value={selected.length === 1 ? selected[0].id : null}>
          <ResultsDrawer
            tab={drawerTab}
            onTab={setDrawerTab}
            open={drawerOpen}
            onOpen={setDrawerOpen}
            problemCount={problems.all.length}
            backtest={<BacktestRunBar strategyId={strategy.id} getGraph={doc.getGraph} onFocusNode={focusNode} />}
            problems={<ProblemsList problems={problems} nodes={doc.nodes} onSelect={focusNode} />}
          />
        </InspectedNodeContext.Provider>
        <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      </div>
    </ProblemsStoreContext.Provider>
  );
}
