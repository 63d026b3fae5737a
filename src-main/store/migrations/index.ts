import initial from './0010-initial';
import learningSamples from './0020-learning-samples';
import topologySummary from './0030-topology-summary';
import sampleFeatureVersion from './0040-sample-feature-version';
import trafficPeriods from './0050-traffic-periods';
import capacityPlans from './0065-capacity-plans';
import sampleModelVersion from './0070-sample-model-version';
import type { Migration } from './types';

/** Ordered, append-only. */
export const MIGRATIONS: readonly Migration[] = [initial, learningSamples, topologySummary, sampleFeatureVersion, trafficPeriods, capacityPlans, sampleModelVersion];
