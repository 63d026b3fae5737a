import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import type { CanvasState } from './canvasStore';
import { useCanvas } from './CanvasStoreProvider';
import { roleStyle } from './roles';
import type { DeviceNode } from './types';

const FAILED = 1;
const CUT_OFF = 2;
const COVERED = 4;
const ADDED = 8;
const REMOVED = 16;
const CHANGED = 32;

/**
 * Everything a device shows from the canvas store, as one number: one
 * subscription per device instead of four (each is checked on every store
 * update and on every render; a 1,000-device view mounts 1,000 of them).
 */
const deviceFlags = (s: CanvasState, id: string): number =>
  (s.failed.has(id) ? FAILED : 0) |
  (s.overlay?.cutOff.has(id) ? CUT_OFF : 0) |
  (s.hiddenLabels.has(id) ? COVERED : 0) |
  (s.diff?.added.has(id) ? ADDED : s.diff?.removed.has(id) ? REMOVED : s.diff?.changed?.has(id) ? CHANGED : 0);

/**
 * One device. Reads only its own failure/cut-off flags from the store, so a
 * what-if click re-renders the devices it touches, not the whole graph.
 */
export const DeviceNodeView = memo(function DeviceNodeView({ id, data, selected }: NodeProps<DeviceNode>) {
  const flags = useCanvas((s) => deviceFlags(s, id));
  const failed = (flags & FAILED) !== 0;
  const cutOff = (flags & CUT_OFF) !== 0;
  const covered = (flags & COVERED) !== 0;
  const change = flags & ADDED ? 'added' : flags & REMOVED ? 'removed' : flags & CHANGED ? 'changed' : null;
  const style = roleStyle(data.role);
  const cls =
    `device device--${data.role}${failed ? ' device--failed' : ''}${cutOff ? ' device--cutoff' : ''}` +
    `${selected ? ' device--selected' : ''}${change ? ` device--${change}` : ''}`;
  const state = failed ? ', failed' : cutOff ? ', cut off' : '';
  return (
    <div className={cls} style={{ borderColor: style.color, '--role': style.color } as CSSProperties} title={`${data.label} (${style.name}${data.site ? ` at ${data.site}` : ''})`} aria-label={`${data.label}, ${style.name}${state}`}>
      <Handle type="target" position={Position.Top} className="device__handle" />
      <span className="device__icon" style={{ background: style.color }} aria-hidden="true">
        {style.glyph}
      </span>
      <span className="device__label" style={covered ? { visibility: 'hidden' } : undefined}>
        {data.label}
      </span>
      {data.pinned && (
        <span className="device__pin" title="Pinned: auto-layout keeps it here" aria-label="pinned">
          📌
        </span>
      )}
      <Handle type="source" position={Position.Bottom} className="device__handle" />
    </div>
  );
});

export const nodeTypes = { device: DeviceNodeView } satisfies NodeTypes; // module scope: never re-created
