import { generateAll } from '../generate/generate';
import type { Intent } from '../model/intent';
import type { LearningSample } from './sample';
import { sampleFromDesign } from './sample';
import { sampleId } from './verify';

/**
 * Turns intents into history: every family generated (seed 1) and measured.
 * Used by the bootstrap knowledge base (the intent grid) and by the
 * learning benchmark (random intents). O(intents · families · sweep).
 */
export function samplesForIntents(
  intents: readonly Intent[],
  meta: { origin: LearningSample['origin']; softwareVersion: string; now: number },
  onIntent: (done: number) => void = () => {},
): LearningSample[] {
  const out: LearningSample[] = [];
  intents.forEach((intent, i) => {
    const { designs } = generateAll(intent, 1);
    for (const d of designs) {
      out.push(
        sampleFromDesign(d, intent, {
          id: sampleId(intent, d.family, d.seed),
          origin: meta.origin,
          softwareVersion: meta.softwareVersion,
          createdAt: meta.now,
        }),
      );
    }
    onIntent(i + 1);
  });
  return out;
}
