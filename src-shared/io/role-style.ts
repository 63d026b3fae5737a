import type { DeviceRole } from '../model/topology';

/**
 * One colour per device role, shared by the SVG drawing and the NetBox
 * device roles the Terraform export creates, so a role looks the same in the
 * twin and in NetBox. Hex without '#', as NetBox stores it.
 */
export const ROLE_COLOURS: Readonly<Record<DeviceRole, string>> = {
  core: 'c0392b',
  'super-spine': '8e44ad',
  spine: '2c3e50',
  leaf: '16a085',
  distribution: 'd35400',
  access: '27ae60',
  hub: '2980b9',
  spoke: '7f8c8d',
  edge: 'f39c12',
  router: '34495e',
  firewall: 'e74c3c',
};
