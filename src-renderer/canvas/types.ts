import type { Edge, Node } from '@xyflow/react';
import type { DeviceRole } from '../../src-shared/model/topology';

export type DeviceData = { label: string; role: DeviceRole; site: string | null; region: string | null; pinned: boolean };
export type DeviceNode = Node<DeviceData, 'device'>;
export type LinkData = { capacityGbps: number; igpWeight: number; latencyMs: number; srlgs: string[] };
export type LinkEdge = Edge<LinkData, 'link'>;

// The what-if engine's selection and answer live with the engine (src-shared/sim/whatif.ts).
export { noFailures, type FailureKind, type FailureSelection, type WhatIfOverlay } from '../../src-shared/sim/whatif';
