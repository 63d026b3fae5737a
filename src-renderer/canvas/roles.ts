import type { DeviceRole } from '../../src-shared/model/topology';

/** Colour and a one-letter glyph per role: distinct on a projector and in greyscale print. */
const STYLES: Record<DeviceRole, { color: string; glyph: string }> = {
  core: { color: '#e11d48', glyph: 'C' },
  'super-spine': { color: '#9333ea', glyph: 'X' },
  spine: { color: '#7c3aed', glyph: 'S' },
  leaf: { color: '#2563eb', glyph: 'L' },
  distribution: { color: '#0891b2', glyph: 'D' },
  access: { color: '#0d9488', glyph: 'A' },
  hub: { color: '#ea580c', glyph: 'H' },
  spoke: { color: '#16a34a', glyph: 'B' },
  edge: { color: '#ca8a04', glyph: 'E' },
  router: { color: '#475569', glyph: 'R' },
  firewall: { color: '#b91c1c', glyph: 'F' },
};

export const roleStyle = (role: DeviceRole): { color: string; glyph: string } => STYLES[role];
