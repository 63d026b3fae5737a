import type { Edge, Node } from '@xyflow/react';
import type { DeviceRole } from '../../src-shared/model/topology';

export type DeviceData = { label: string; role: DeviceRole; site: string | null; region: string | null };
export type DeviceNode = Node<DeviceData, 'device'>;
export type LinkData = { capacityGbps: number; igpWeight: number; latencyMs: number };
export type LinkEdge = Edge<LinkData>;
