import type { DeviceRole, Topology } from '../model/topology';
import type { ClabKind } from './clab-kinds';
import { safeNames } from './interfaces';
import { NB_GENERIC_MANUFACTURER, NB_LIMITS, slugify, toNetboxObjects } from './netbox-export-model';
import { ROLE_COLOURS } from './role-style';

/** Registry address of the NetBox provider whose resource schema we emit. */
export const NETBOX_PROVIDER_SOURCE = 'e-breuninger/netbox';

/**
 * Provider versions the configuration is written for: the 5.x series
 * (resource schemas checked against e-breuninger/terraform-provider-netbox at
 * the commit vendored in test/fixtures/upstream). Bounded above, so a 6.0 with
 * renamed attributes is not picked up silently.
 */
export const NETBOX_PROVIDER_VERSION = '>= 5.0.0, < 6.0.0';

type Block = Record<string, unknown>;

/**
 * Topology → Terraform JSON configuration (`*.tf.json`) for the NetBox
 * provider: regions, sites, one manufacturer, device types, device roles
 * (coloured as on the canvas), devices, device interfaces and cables, each
 * referring to the others by `${type.name.id}` interpolation so Terraform
 * orders the creates. Interfaces are `netbox_device_interface` (the
 * provider's `netbox_interface` is for virtual machines).
 */
export function exportTerraform(topology: Topology, kinds?: Partial<Record<DeviceRole, ClabKind>>): string {
  const nb = toNetboxObjects(topology, kinds);
  const ref = (type: string, name: string) => `\${${type}.${name}.id}`;
  const tfName = (ids: string[]) => safeNames(ids, /[^A-Za-z0-9_-]+/g);

  const regions: Record<string, Block> = {};
  const regionName = tfName(nb.regions);
  for (const [region, name] of regionName) regions[name] = { name: region.slice(0, NB_LIMITS.name), slug: slugify(region) };

  const sites: Record<string, Block> = {};
  const siteName = tfName(nb.sites.map((s) => s.slug));
  for (const s of nb.sites) {
    const block: Block = { name: s.name, slug: s.slug, status: 'active' };
    if (s.region !== undefined) block['region_id'] = ref('netbox_region', regionName.get(s.region)!);
    if (s.lat !== undefined) block['latitude'] = s.lat;
    if (s.lon !== undefined) block['longitude'] = s.lon;
    sites[siteName.get(s.slug)!] = block;
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
      name: d.name, // within NetBox's 64 characters (toNetboxObjects)
      device_type_id: ref('netbox_device_type', typeName.get(d.deviceType)!),
      role_id: ref('netbox_device_role', roleName.get(d.role)!),
      site_id: ref('netbox_site', siteName.get(d.site.slug)!),
      status: 'planned',
    };
  }

  const linkById = new Map(topology.links.map((l) => [l.id, l]));
  const ifaceName = tfName(nb.interfaces.map((i) => `${String(i.device.cf['nettwin_id'])}_${i.name}`));
  const ifaceKey = (i: (typeof nb.interfaces)[number]) => ifaceName.get(`${String(i.device.cf['nettwin_id'])}_${i.name}`)!;
  const interfaces: Record<string, Block> = {};
  for (const i of nb.interfaces) {
    interfaces[ifaceKey(i)] = {
      name: i.name,
      device_id: ref('netbox_device', deviceName.get(String(i.device.cf['nettwin_id']))!),
      type: i.type,
      speed: i.speedKbps, // NetBox interface speed is in kbit/s
    };
  }

  const cableName = tfName(nb.cables.map((c) => c.linkId));
  const cables: Record<string, Block> = {};
  for (const c of nb.cables) {
    const l = linkById.get(c.linkId);
    const block: Block = {
      a_termination: [{ object_type: 'dcim.interface', object_id: ref('netbox_device_interface', ifaceKey(c.a)) }],
      b_termination: [{ object_type: 'dcim.interface', object_id: ref('netbox_device_interface', ifaceKey(c.b)) }],
      status: 'planned',
      label: c.label,
    };
    if (l) block['description'] = `NetTwin ${l.capacityGbps} Gbps, IGP ${l.igpWeight}, ${l.latencyMs} ms${l.srlgs.length ? `, SRLG ${l.srlgs.join(' ')}` : ''}`.slice(0, 200);
    if (c.length !== undefined) {
      // NetBox keeps 2 decimals and rejects more at apply time.
      block['length'] = c.length.value;
      block['length_unit'] = c.length.unit;
    }
    cables[cableName.get(c.linkId)!] = block;
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
    terraform: { required_providers: { netbox: { source: NETBOX_PROVIDER_SOURCE, version: NETBOX_PROVIDER_VERSION } } },
    resource,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
