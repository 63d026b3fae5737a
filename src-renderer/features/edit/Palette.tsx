import type { DragEvent } from 'react';
import type { DeviceRole } from '../../../src-shared/model/topology';
import { ROLE_MIME } from '../../canvas/CanvasView';
import { ROLE_LIST, roleStyle } from '../../canvas/roles';

/** Devices by role: click to add at the centre of the view, or drag onto the canvas. */
export function Palette({ onAdd, disabled }: { onAdd: (role: DeviceRole) => void; disabled: boolean }) {
  const onDragStart = (role: DeviceRole) => (e: DragEvent) => {
    e.dataTransfer.setData(ROLE_MIME, role);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <section className="panel" aria-label="Palette">
      <h2>Add device</h2>
      <div className="palette">
        {ROLE_LIST.map((role) => {
          const s = roleStyle(role);
          return (
            <button
              key={role}
              type="button"
              className="palette__item"
              draggable={!disabled}
              onDragStart={onDragStart(role)}
              onClick={() => onAdd(role)}
              disabled={disabled}
              aria-label={`Add ${s.name}`}
              title={`Add a ${s.name} device (or drag it onto the canvas)`}
            >
              <span className="device__icon" style={{ background: s.color }} aria-hidden="true">
                {s.glyph}
              </span>
              {s.name}
            </button>
          );
        })}
      </div>
    </section>
  );
}
