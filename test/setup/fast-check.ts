import fc from 'fast-check';

/**
 * Property tests draw from one fixed seed so that `npm test` (and CI) gives the
 * same verdict on the same code; a red run is then a change, not bad luck.
 * Explore new cases with `FC_SEED=random npx vitest run` (or any number to
 * replay one); a counterexample found that way becomes a unit test.
 */
const requested = process.env['FC_SEED'];
const seed = requested === 'random' ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(requested ?? 20261124);
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got ${requested}`);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
