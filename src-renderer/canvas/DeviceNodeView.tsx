import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo, type CSSProperties } from 'react';
import { useCanvas } from './CanvasStoreProvider';
import { roleStyle } from './roles';
import type { DeviceNode } from './types';

/**
 * One device. Reads only its own failure/cut-off flags from the store, so a
 * what-if click re-renders the devices it touches, not the whole graph.
 */
export const DeviceNodeView = memo(function DeviceNodeView({ id, data, selected }: NodeProps<DeviceNode>) {
  const failed = useCanvas((s) => s.failed.has(id));
  const cutOff = useCanvas((s) => s.overlay?.cutOff.has(id) ?? false);
  const covered = useCanvas((s) => s.hiddenLabels.has(id));
  const change = useCanvas((s) => (s.diff?.added.has(id) ? 'added' : s.diff?.removed.has(id) ? 'removed' : s.diff?.changed?.has(id) ? 'changed' : null));
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
