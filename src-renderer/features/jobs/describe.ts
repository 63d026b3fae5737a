import type { JobStatusShape } from '../../../src-shared/contract/contract';
import type { LedgerEntry } from '../../api/jobLedger';

const CLASS_WORDS: Record<string, string> = {
  'n1-links': 'every link',
  'n1-nodes': 'every device',
  'n2-links': 'link pairs',
  srlg: 'shared-risk groups',
  sites: 'sites',
  regions: 'regions',
};

const field = (input: unknown, key: string): unknown => (typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** What a job was doing, in words, from its channel and input: "Failure sweep of ring (every link, sites; gravity traffic)". */
export function jobInWords(e: Pick<LedgerEntry, 'channel' | 'input'>, designNames: Readonly<Record<string, string>>): string {
  const design = (): string => {
    const id = str(field(e.input, 'designId'));
    return id === null ? 'a design' : (designNames[id] ?? 'a design since deleted');
  };
  switch (e.channel) {
    case 'sim:run': {
      const classes = field(e.input, 'scenarios');
      const which = Array.isArray(classes) ? classes.map((c) => CLASS_WORDS[String(c)] ?? String(c)).join(', ') : '';
      const traffic = str(field(e.input, 'traffic'));
      return `Failure sweep of ${design()}${which || traffic ? ` (${[which, traffic ? `${traffic} traffic` : ''].filter((x) => x !== '').join('; ')})` : ''}`;
    }
    case 'design:generateAll': {
      const name = str(field(field(e.input, 'intent'), 'name'));
      return `Generating every family${name ? ` for intent “${name}”` : ''}`;
    }
    case 'design:validateJob':
      return `Validating ${design()}`;
    case 'design:importJob':
      return `Importing ${str(field(e.input, 'fileName')) ?? 'a file'}`;
    case 'recommend:verified': {
      const name = str(field(field(e.input, 'intent'), 'name'));
      return `Verified recommendation${name ? ` for intent “${name}”` : ''}`;
    }
    case 'optimise:run':
      return `Optimising ${design()} for ${str(field(e.input, 'strategy')) ?? 'a strategy'}`;
    default:
      return e.channel;
  }
}

export type Outcome = { words: string; resumable: boolean; running: boolean };

/** What became of it, in words, and whether running it again makes sense (its inputs kept, and it did not finish). */
export function outcomeInWords(e: Pick<LedgerEntry, 'input'>, s: JobStatusShape, time: (ms: number) => string): Outcome {
  const kept = e.input !== null;
  switch (s.state) {
    case 'running':
      return { words: `still running${s.total > 0 ? `: ${s.done.toLocaleString('en-US')} of ${s.total.toLocaleString('en-US')}` : ''}${s.message ? ` (${s.message})` : ''}`, resumable: false, running: true };
    case 'done':
      return { words: `finished at ${time(s.endedAt ?? 0)} while the page was closed; its result is stored in the project`, resumable: false, running: false };
    case 'failed':
      return { words: `failed at ${time(s.endedAt ?? 0)}: ${s.error ?? 'no reason given'}`, resumable: kept, running: false };
    case 'cancelled':
      return { words: `cancelled at ${time(s.endedAt ?? 0)}; nothing of it was stored`, resumable: kept, running: false };
    default:
      return {
        words: `ended without finishing: NetTwin was stopped or restarted while it ran, and nothing of it was stored${kept ? '' : '; its input (a large file) was not kept, so it cannot be run again from here'}`,
        resumable: kept,
        running: false,
      };
  }
}
