import { DEVICE_ROLES, type DeviceRole } from '../../src-shared/model/topology';

export interface RoleStyle {
  color: string;
  /** A glyph that differs per role, so roles stay apart in greyscale print and for colour-blind viewers. */
  glyph: string;
  name: string;
}

/** Colour, glyph and display name per role: distinct on a projector and in greyscale print. */
const STYLES: Record<DeviceRole, RoleStyle> = {
  core: { color: '#e11d48', glyph: '◆', name: 'Core' },
  'super-spine': { color: '#9333ea', glyph: '⬢', name: 'Super-spine' },
  spine: { color: '#7c3aed', glyph: '▲', name: 'Spine' },
  leaf: { color: '#2563eb', glyph: '▼', name: 'Leaf' },
  distribution: { color: '#0891b2', glyph: '■', name: 'Distribution' },
  access: { color: '#0d9488', glyph: '▪', name: 'Access' },
  hub: { color: '#ea580c', glyph: '✷', name: 'Hub' },
  spoke: { color: '#16a34a', glyph: '●', name: 'Spoke' },
  edge: { color: '#ca8a04', glyph: '⬟', name: 'Edge' },
  router: { color: '#64748b', glyph: 'R', name: 'Router' },
  firewall: { color: '#b91c1c', glyph: '⛨', name: 'Firewall' },
};

export const roleStyle = (role: DeviceRole): RoleStyle => STYLES[role];
export const ROLE_LIST: readonly DeviceRole[] = DEVICE_ROLES;
