/**
 * Error of an estimated traffic matrix against the true one, as the
 * literature reports it: the relative L2 error ‖x̂ − x‖ / ‖x‖ (Zhang et al.
 * 2003; Soule et al., SIGMETRICS 2005), and the mean relative error
 * |x̂ − x| / x over the largest true demands that together carry `share`
 * of the traffic (Zhang et al. report errors on the larger elements, since
 * small ones matter little for capacity and are relatively noisier).
 */
export interface TmAccuracy {
  relL2: number;
  /** Mean relative error over the largest demands carrying `share` of the traffic. */
  meanRelLarge: number;
  largeCount: number;
  share: number;
}

export function tmAccuracy(truth: Float64Array, est: Float64Array, share = 0.75): TmAccuracy {
  if (truth.length !== est.length) throw new Error(`accuracy: ${est.length} estimated values for ${truth.length} true ones`);
  let num = 0;
  let den = 0;
  let total = 0;
  for (let i = 0; i < truth.length; i++) {
    num += (est[i]! - truth[i]!) ** 2;
    den += truth[i]! ** 2;
    total += truth[i]!;
  }
  const order = Array.from(truth.keys()).filter((i) => truth[i]! > 0).sort((a, b) => truth[b]! - truth[a]!);
  let acc = 0;
  let sum = 0;
  let count = 0;
  for (const i of order) {
    if (acc >= share * total) break;
    acc += truth[i]!;
    sum += Math.abs(est[i]! - truth[i]!) / truth[i]!;
    count++;
  }
  return { relL2: den > 0 ? Math.sqrt(num / den) : 0, meanRelLarge: count > 0 ? sum / count : 0, largeCount: count, share };
}
