/**
 * The largest design a failure sweep runs on: `sim:run`, `nettwin simulate`
 * and `nettwin analyze --traffic uniform` refuse a larger one before they
 * start (docs/limits.md, "Failure simulation", has the figures).
 *
 * Why: exact ECMP rerouting revisits, for every scenario, each destination
 * whose shortest paths the failure touches, so an N-1 sweep grows roughly
 * with the cube of the size on the sparse, tree-like networks large imports
 * are. Measured on Zoo-style designs, 2 worker threads (scripts/bench/sim-scale.ts):
 * 2,000 devices 109 s / 0.6 GB peak, 5,000 about 20 min / 2.0 GB, 50,000
 * stopped at 633 s with 7.9 GB and rising. Links are capped too, so that a
 * dense design of few devices does not slip through.
 */
export const SWEEP_MAX_DEVICES = 3_000;
export const SWEEP_MAX_LINKS = 12_000;

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
