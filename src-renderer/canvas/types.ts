import type { Edge, Node } from '@xyflow/react';
import type { DeviceRole } from '../../src-shared/model/topology';

export type DeviceData = { label: string; role: DeviceRole; site: string | null; region: string | null; pinned: boolean };
export type DeviceNode = Node<DeviceData, 'device'>;
export type LinkData = { capacityGbps: number; igpWeight: number; latencyMs: number; srlgs: string[] };
export type LinkEdge = Edge<LinkData, 'link'>;

/** What the user failed in what-if mode, by kind (sites, regions and SRLGs expand to devices/links). */
export interface FailureSelection {
  nodes: ReadonlySet<string>;
  links: ReadonlySet<string>;
  sites: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  srlgs: ReadonlySet<string>;
}
export type FailureKind = keyof FailureSelection;

export const noFailures = (): FailureSelection => ({
  nodes: new Set(),
  links: new Set(),
  sites: new Set(),
  regions: new Set(),
  srlgs: new Set(),
});

/** The instant what-if answer shown on the canvas. */
export interface WhatIfOverlay {
  /** Failed devices and links after expanding sites/regions/SRLGs. */
  failed: ReadonlySet<string>;
  /** Surviving devices cut off from the largest surviving part of the network. */
  cutOff: ReadonlySet<string>;
  cutOffSites: string[];
  /** Load of each surviving link relative to the busiest link before the failure (1 = as busy). */
  heat: ReadonlyMap<string, number>;
  /** Links that carry more than before (traffic was rerouted onto them). */
  rerouted: ReadonlySet<string>;
  /** Share of the demand (0–1) that no longer has any path. */
  strandedDemand: number;
  maxHeat: number;
  verdict: { survives: boolean; text: string };
  /** Milliseconds the connectivity phase took (shown, and read by the UI bench). */
  ms: number;
  /** Routing (heat, rerouted links) follows the connectivity answer by a frame. */
  routing: 'pending' | 'done' | 'off';
  routingMs?: number;
}
