import { useState } from 'react';
import { keyLabel } from '../../actions/keys';
import { fitAction, layoutAction, redoAction, undoAction, whatIfAction } from '../../actions/registry';
import type { Action } from '../../actions/types';
import { useCanvas } from '../../canvas/CanvasStoreProvider';
import type { LayoutAlgorithm } from '../../canvas/layout/elkGraph';
import type { DesignViewMode } from '../../canvas/views/overviewFlow';
import type { SaveState } from './saver';

const SAVE_TEXT: Record<SaveState, string> = {
  saved: 'All changes saved',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  conflict: 'Changed elsewhere — reloaded',
  error: 'Save failed',
};

interface Props {
  algorithm: LayoutAlgorithm;
  onAlgorithm: (a: LayoutAlgorithm) => void;
  run: (a: Action) => void;
  onSearch: (query: string) => string | null;
  searchRef: React.RefObject<HTMLInputElement | null>;
  save: SaveState;
  laying: boolean;
  exportMenu: React.ReactNode;
  view: DesignViewMode;
  onView: (v: DesignViewMode) => void;
}

const VIEWS: { id: DesignViewMode; text: string; title: string }[] = [
  { id: 'devices', text: 'Devices', title: 'Every device and link (editable)' },
  { id: 'sites', text: 'Sites', title: 'One node per site, links merged per site pair' },
  { id: 'regions', text: 'Regions', title: 'Sites grouped in a box per region' },
  { id: 'geo', text: 'Map', title: 'Sites at their latitude/longitude on a world map' },
];

/** Undo/redo, layout, fit, mode switch, search and the save state. */
export function EditorToolbar({ algorithm, onAlgorithm, run, onSearch, searchRef, save, laying, exportMenu, view, onView }: Props) {
  // Narrow, O(1) selectors: they run on every store change (each drag move), so
  // they read the flags directly instead of building the action view.
  const editable = useCanvas((s) => s.topology !== null && !s.readOnly && s.mode === 'edit');
  const canUndo = useCanvas((s) => s.history.past.length > 0) && editable;
  const canRedo = useCanvas((s) => s.history.future.length > 0) && editable;
  const canLayout = editable && view === 'devices';
  const mode = useCanvas((s) => s.mode);
  const [query, setQuery] = useState('');
  const [miss, setMiss] = useState<string | null>(null);
  const btn = (a: Action, enabled: boolean, text: string) => (
    <button type="button" onClick={() => run(a)} disabled={!enabled} title={`${a.label} (${keyLabel(a.keys[0]!)})`} aria-label={a.label}>
      {text}
    </button>
  );
  return (
    <div className="toolbar" role="toolbar" aria-label="Design tools">
      <div className="segmented" role="group" aria-label="Mode">
        <button type="button" aria-pressed={mode === 'edit'} onClick={() => mode !== 'edit' && run(whatIfAction)}>
          Edit
        </button>
        <button type="button" aria-pressed={mode === 'whatif'} onClick={() => mode !== 'whatif' && run(whatIfAction)} title="What-if mode (W)">
          What-if
        </button>
      </div>
      <div className="segmented" role="group" aria-label="View">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" aria-pressed={view === v.id} title={v.title} onClick={() => onView(v.id)} disabled={mode === 'whatif' && v.id !== 'devices'}>
            {v.text}
          </button>
        ))}
      </div>
      {btn(undoAction, canUndo, '↶ Undo')}
      {btn(redoAction, canRedo, '↷ Redo')}
      <select aria-label="Layout algorithm" value={algorithm} onChange={(e) => onAlgorithm(e.target.value as LayoutAlgorithm)}>
        <option value="layered">Layered</option>
        <option value="force">Force</option>
        <option value="radial">Radial</option>
        <option value="stress">Stress</option>
      </select>
      {btn(layoutAction, canLayout && !laying, laying ? 'Laying out…' : 'Auto-layout')}
      {btn(fitAction, true, 'Fit')}
      <form
        className="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setMiss(onSearch(query));
        }}
      >
        <input
          ref={searchRef}
          type="search"
          placeholder="Find device…"
          aria-label="Find device by name"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setMiss(null);
          }}
          aria-invalid={miss !== null}
        />
        {miss !== null && (
          <small className="problem" role="alert">
            {miss}
          </small>
        )}
      </form>
      {exportMenu}
      <span className={`save-state save-state--${save}`} role="status" aria-label="Save state">
        {SAVE_TEXT[save]}
      </span>
    </div>
  );
}
