/**
 * Every size limit of NetTwin in one place: what the canvas draws, what is
 * validated on the host's thread or at import, what a failure sweep runs on,
 * what one import and one browser-host request may hold. docs/limits.md has
 * the measurements behind each figure; change a limit here and there.
 */

/**
 * Designs up to this many devices are "small": the canvas draws them (layout,
 * live validation after every edit and React Flow's painting stay under a
 * second), the host validates them on its own thread (under half a second),
 * and an import validates them before it answers. Above it the design screen
 * shows a notice, validation runs in a worker thread as a job, and an import
 * stores the design unvalidated (O(sites²) site-pair checks: 4 s at 5,000
 * devices, minutes at 50,000).
 */
const SMALL_DESIGN_MAX_DEVICES = 2_000;
export const CANVAS_MAX_DEVICES = SMALL_DESIGN_MAX_DEVICES;
export const VALIDATE_IN_HOST_MAX_DEVICES = SMALL_DESIGN_MAX_DEVICES;
export const VALIDATE_ON_IMPORT_MAX_DEVICES = SMALL_DESIGN_MAX_DEVICES;

/**
 * The largest design a failure sweep runs on: `sim:run`, `nettwin simulate`
 * and `nettwin analyze --traffic uniform` refuse a larger one before they
 * start (TOO_LARGE). Exact ECMP rerouting grows roughly with the cube of the
 * size on sparse, tree-like networks; measured on Zoo-style designs, 2 worker
 * threads (scripts/bench/sim-scale.ts): 2,000 devices 109 s / 0.6 GB peak,
 * 5,000 about 20 min / 2.0 GB, 50,000 stopped at 633 s with 7.9 GB and
 * rising. Links are capped too, so that a dense design of few devices does
 * not slip through. Re-measured for issue 18 (docs/limits.md, "The impact
 * sweep at 5,000 and 20,000 devices"): a 5,000-device hybrid still needs
 * ~7 min of CPU (14,891 scenarios × ~30 ms) and 1.9 GB, 20,000 pass 2 GB in
 * the baseline — not raised. Session 27: its leaf-router failures in closed
 * form (impact-dualhomed.ts) bring the whole sweep to ~100 s of CPU, still
 * over 10 s (its 719 core failures are 88 s) and over 2 GB with two
 * workers — not raised.
 */
export const SWEEP_MAX_DEVICES = 3_000;
export const SWEEP_MAX_LINKS = 12_000;

/** One imported file (every format; GraphML checks it before parsing). */
export const IMPORT_MAX_CHARS = 64 * 1024 * 1024;
/** GraphML node and link caps, checked while reading: 100,000 Zoo-style nodes import in ~6 s, < 1 GB peak. */
export const IMPORT_MAX_NODES = 100_000;
export const IMPORT_MAX_LINKS = 200_000;

/** The browser host's largest request body (held in memory while a call runs); larger answers 413 / TOO_LARGE. */
export const HOST_MAX_BODY_BYTES = 32 * 1024 * 1024;
