import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo } from 'react';
import { useCanvas } from './CanvasStoreProvider';
import { roleStyle } from './roles';
import type { DeviceNode } from './types';

export const DeviceNodeView = memo(function DeviceNodeView({ id, data, selected }: NodeProps<DeviceNode>) {
  const failed = useCanvas((s) => s.failed.has(id));
  const style = roleStyle(data.role);
  const cls = `device device--${data.role}${failed ? ' device--failed' : ''}${selected ? ' device--selected' : ''}`;
  return (
    <div className={cls} style={{ borderColor: style.color }} title={`${data.label} (${data.role})`}>
      <Handle type="target" position={Position.Top} className="device__handle" />
      <span className="device__icon" style={{ background: style.color }} aria-hidden="true">
        {style.glyph}
      </span>
      <span className="device__label">{data.label}</span>
      <Handle type="source" position={Position.Bottom} className="device__handle" />
    </div>
  );
});

export const nodeTypes = { device: DeviceNodeView } satisfies NodeTypes; // module scope: never re-created
