import type { Topology } from '../model/topology';
import { safeNames } from './interfaces';
import { NB_GENERIC_MANUFACTURER, slugify, toNetboxObjects } from './netbox-export-model';
import { ROLE_COLOURS } from './role-style';

/** Registry address of the NetBox provider whose resource schema we emit. */
export const NETBOX_PROVIDER_SOURCE = 'e-breuninger/netbox';

/** Site given to devices the design places in no site: NetBox requires one. */
export const UNASSIGNED_SITE = 'NetTwin unassigned';

/** NetBox interface type for a link speed (the provider's `type` is required). */
export function interfaceType(capacityGbps: number): string {
  if (capacityGbps <= 1) return '1000base-t';
  if (capacityGbps <= 10) return '10gbase-x-sfpp';
  if (capacityGbps <= 25) return '25gbase-x-sfp28';
  if (capacityGbps <= 40) return '40gbase-x-qsfpp';
  if (capacityGbps <= 100) return '100gbase-x-qsfp28';
  if (capacityGbps <= 400) return '400gbase-x-qsfpdd';
  return 'other';
}

type Block = Record<string, unknown>;

/**
 * Topology → Terraform JSON configuration (`*.tf.json`) for the NetBox
 * provider: regions, sites, one manufacturer, device types, device roles
 * (coloured as on the canvas), devices, device interfaces and cables, each
 * referring to the others by `${type.name.id}` interpolation so Terraform
 * orders the creates. Interfaces are `netbox_device_interface` (the
 * provider's `netbox_interface` is for virtual machines).
 */
export function exportTerraform(topology: Topology): string {
  const nb = toNetboxObjects(topology);
  const ref = (type: string, name: string) => `\${${type}.${name}.id}`;
  const tfName = (ids: string[]) => safeNames(ids, /[^A-Za-z0-9_-]+/g);

  const regions: Record<string, Block> = {};
  const regionName = tfName([...new Set(nb.sites.map((s) => s.region).filter((r) => r !== undefined))]);
  for (const [region, name] of regionName) regions[name] = { name: region, slug: slugify(region) };

  const sites: Record<string, Block> = {};
  const siteName = tfName(nb.sites.map((s) => s.slug));
  for (const s of nb.sites) {
    const block: Block = { name: s.name, slug: s.slug, status: 'active' };
    if (s.region !== undefined) block['region_id'] = ref('netbox_region', regionName.get(s.region)!);
    if (s.lat !== undefined) block['latitude'] = s.lat;
    if (s.lon !== undefined) block['longitude'] = s.lon;
    sites[siteName.get(s.slug)!] = block;
  }
  let unassigned = 'nettwin_unassigned';
  while (unassigned in sites) unassigned += '_';
  if (nb.devices.some((d) => d.site === undefined)) {
    sites[unassigned] = { name: UNASSIGNED_SITE, slug: slugify(UNASSIGNED_SITE), status: 'planned' };
  }

  const manufacturer = 'generic';
  const typeName = tfName([...new Set(nb.devices.map((d) => d.deviceType))]);
  const deviceTypes: Record<string, Block> = {};
  for (const [model, name] of typeName) {
    deviceTypes[name] = { model, slug: slugify(model), manufacturer_id: ref('netbox_manufacturer', manufacturer) };
  }
  const roleName = tfName([...new Set(nb.devices.map((d) => d.role))]);
  const roles: Record<string, Block> = {};
  for (const [role, name] of roleName) {
    roles[name] = { name: role, slug: slugify(role), color_hex: ROLE_COLOURS[role as keyof typeof ROLE_COLOURS] ?? '9e9e9e' };
  }

  const deviceName = tfName(nb.devices.map((d) => String(d.cf['nettwin_id'])));
  const devices: Record<string, Block> = {};
  for (const d of nb.devices) {
    devices[deviceName.get(String(d.cf['nettwin_id']))!] = {
      name: d.name.slice(0, 64), // NetBox's limit for device names
      device_type_id: ref('netbox_device_type', typeName.get(d.deviceType)!),
      role_id: ref('netbox_device_role', roleName.get(d.role)!),
      site_id: ref('netbox_site', d.site ? siteName.get(d.site.slug)! : unassigned),
      status: 'planned',
    };
  }

  const linkById = new Map(topology.links.map((l) => [l.id, l]));
  const speedOf = new Map<number, number>();
  for (const c of nb.cables) {
    const gbps = linkById.get(c.label)?.capacityGbps ?? 10;
    speedOf.set(c.a.id, gbps);
    speedOf.set(c.b.id, gbps);
  }
  const ifaceName = tfName(nb.interfaces.map((i) => `${String(i.device.cf['nettwin_id'])}_${i.name}`));
  const ifaceKey = (i: (typeof nb.interfaces)[number]) => ifaceName.get(`${String(i.device.cf['nettwin_id'])}_${i.name}`)!;
  const interfaces: Record<string, Block> = {};
  for (const i of nb.interfaces) {
    const gbps = speedOf.get(i.id) ?? 10;
    interfaces[ifaceKey(i)] = {
      name: i.name,
      device_id: ref('netbox_device', deviceName.get(String(i.device.cf['nettwin_id']))!),
      type: interfaceType(gbps),
      speed: Math.round(gbps * 1_000_000), // NetBox interface speed is in kbit/s
    };
  }

  const cableName = tfName(nb.cables.map((c) => c.label));
  const cables: Record<string, Block> = {};
  for (const c of nb.cables) {
    const l = linkById.get(c.label);
    const block: Block = {
      a_termination: [{ object_type: 'dcim.interface', object_id: ref('netbox_device_interface', ifaceKey(c.a)) }],
      b_termination: [{ object_type: 'dcim.interface', object_id: ref('netbox_device_interface', ifaceKey(c.b)) }],
      status: 'planned',
      label: c.label.slice(0, 100),
    };
    if (l) block['description'] = `NetTwin ${l.capacityGbps} Gbps, IGP ${l.igpWeight}, ${l.latencyMs} ms${l.srlgs.length ? `, SRLG ${l.srlgs.join(' ')}` : ''}`.slice(0, 200);
    if (c.distanceKm !== undefined) {
      block['length'] = c.distanceKm;
      block['length_unit'] = 'km';
    }
    cables[cableName.get(c.label)!] = block;
  }

  const resource: Record<string, Record<string, Block>> = {};
  const put = (type: string, blocks: Record<string, Block>) => {
    if (Object.keys(blocks).length > 0) resource[type] = blocks;
  };
  put('netbox_region', regions);
  put('netbox_site', sites);
  if (nb.devices.length > 0) resource['netbox_manufacturer'] = { [manufacturer]: { name: NB_GENERIC_MANUFACTURER, slug: slugify(NB_GENERIC_MANUFACTURER) } };
  put('netbox_device_type', deviceTypes);
  put('netbox_device_role', roles);
  put('netbox_device', devices);
  put('netbox_device_interface', interfaces);
  put('netbox_cable', cables);
  const config = {
    terraform: { required_providers: { netbox: { source: NETBOX_PROVIDER_SOURCE, version: '>= 3.8.0' } } },
    resource,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
