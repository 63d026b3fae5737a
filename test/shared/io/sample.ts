import { restoreTopology, type Topology } from '../../../src-shared/model/topology';

/**
 * A small design that uses every field the model has: two sites in two
 * regions, coordinates, parallel links, a self-loop, SRLGs, optional costs,
 * and names with characters tools dislike (spaces, quotes, commas, colons).
 */
export function sampleTopology(): Topology {
  return restoreTopology({
    name: 'Sample WAN',
    family: 'hybrid',
    seed: 7,
    sites: [
      { id: 'ber', name: 'Berlin DC', role: 'datacenter', region: 'eu-central', lat: 52.52, lon: 13.405, users: 500 },
      { id: 'muc', name: 'Munich, "Branch"', role: 'branch', region: 'eu-south', bandwidthMbps: 200 },
    ],
    nodes: [
      { id: 'ber-core-1', name: 'ber-core-1', role: 'core', site: 'ber', region: 'eu-central', lat: 52.5, lon: 13.4, ports: 64, model: '7750 SR-1', costUsd: 40000, x: 10, y: 20, pinned: true },
      { id: 'ber-core-2', name: 'ber core 2', role: 'core', site: 'ber', region: 'eu-central', x: 30, y: 20 },
      { id: 'muc:edge', name: 'Munich edge, "A"', role: 'edge', site: 'muc', region: 'eu-south', ports: 8 },
      { id: 'fw1', name: 'fw1', role: 'firewall', site: 'muc', region: 'eu-south' },
      { id: 'leaf-1', name: 'leaf-1', role: 'leaf', site: 'ber', region: 'eu-central' },
    ],
    links: [
      { id: 'l1', source: 'ber-core-1', target: 'ber-core-2', capacityGbps: 100, igpWeight: 5, latencyMs: 0.2, srlgs: ['duct-a'] },
      { id: 'l2', source: 'ber-core-1', target: 'muc:edge', capacityGbps: 10, igpWeight: 20, latencyMs: 6.5, distanceKm: 585, srlgs: ['duct-a', 'river'], costUsd: 1200 },
      { id: 'l3', source: 'ber-core-2', target: 'muc:edge', capacityGbps: 10, igpWeight: 20, latencyMs: 6.7 },
      { id: 'l3b', source: 'ber-core-2', target: 'muc:edge', capacityGbps: 1, igpWeight: 30, latencyMs: 7 },
      { id: 'l4', source: 'muc:edge', target: 'fw1', capacityGbps: 1 },
      { id: 'l5', source: 'leaf-1', target: 'ber-core-1', capacityGbps: 25, igpWeight: 2 },
      { id: 'l6', source: 'leaf-1', target: 'leaf-1', capacityGbps: 25 },
    ],
  });
}
