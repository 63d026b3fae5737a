import { SWEEP_MAX_DEVICES, SWEEP_MAX_LINKS } from '../lib/limits';

/** The sweep limit (src-shared/lib/limits.ts, with the figures behind it). */
export { SWEEP_MAX_DEVICES, SWEEP_MAX_LINKS };

/** What a refused design still offers (one wording for the host, the CLI and the screen). */
export const SWEEP_STILL_WORKS = 'validation, exports and `nettwin analyze` without --traffic (bridges, cut devices, N-1 disconnection) still work on it';

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Null when a failure sweep may run on a design of this size, else the one-line
 * reason naming the design, its size, the limit and what still works.
 */
export function sweepRefusal(design: { name: string; devices: number; links: number }): string | null {
  const { devices, links } = design;
  if (devices <= SWEEP_MAX_DEVICES && links <= SWEEP_MAX_LINKS) return null;
  const over =
    devices > SWEEP_MAX_DEVICES
      ? `more than the ${count(SWEEP_MAX_DEVICES)} devices`
      : `more than the ${count(SWEEP_MAX_LINKS)} links`;
  return (
    `design "${design.name}" has ${count(devices)} devices and ${count(links)} links, ${over} a failure sweep runs on ` +
    `(see docs/limits.md); ${SWEEP_STILL_WORKS}`
  );
}
