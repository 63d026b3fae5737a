/**
 * Names only, no zod: the sandboxed preload imports this to whitelist calls
 * and events. `contract.ts` must define exactly these channels.
 */
export const CHANNELS = [
  'app:info',
  'project:list',
  'project:create',
  'project:open',
  'project:saveAs',
  'project:close',
  'project:export',
  'design:list',
  'design:get',
  'design:generate',
  'design:generateAll',
  'design:savePositions',
  'design:rename',
  'design:delete',
  'design:validate',
  'design:validateJob',
  'design:update',
  'design:choose',
  'design:choices',
  'intent:get',
  'intent:revise',
  'pricebook:get',
  'pricebook:set',
  'design:import',
  'design:importJob',
  'design:export',
  'sim:run',
  'sim:list',
  'sim:result',
  'recommend:instant',
  'recommend:verified',
  'learn:report',
  'outcomes:import',
  'learn:effects',
  'learn:setEffect',
  'learn:calibrations',
  'traffic:import',
  'traffic:periods',
  'traffic:estimate',
  'capacity:plan',
  'capacity:list',
  'capacity:decide',
  'capacity:built',
  'capacity:outcomes',
  'optimise:run',
  'optimise:decide',
  'optimise:undo',
  'optimise:list',
  'optimise:policy',
  'optimise:setPolicy',
  'audit:list',
  'report:generate',
  'job:cancel',
  'job:status',
  // Added last: the IPC fuzz seeds each channel by its index, so a channel inserted earlier reshuffles every later one's run.
  'recommend:upFront',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const EVENT_NAMES = ['job:progressed', 'job:finished', 'project:changed', 'menu:invoked'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** The single IPC channel Electron uses to push events (payload `{ name, payload }`). */
export const EVENT_CHANNEL = 'nettwin:event';
