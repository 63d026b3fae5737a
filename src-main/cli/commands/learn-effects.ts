import type { LearntEffectsShape } from '../../../src-shared/contract/learn-types';
import { parseCli } from '../args';
import { CliError, type CliIo } from '../command';
import { openProject, withServices } from '../session';

export const LEARN_EFFECTS_USAGE = 'nettwin learn effects --project FILE.nettwin [--on ID]… [--off ID]… [--actor NAME] [--knowledge FILE] [--json]';

const money = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;
const figure = (x: number, unit: string) => (unit === 'USD' ? money(x) : `${x.toPrecision(4)} ${unit}`);

function text(v: LearntEffectsShape): string {
  const lines: string[] = [];
  for (const e of v.effects) {
    const state = e.enabled ? 'on ' : 'off';
    lines.push(`[${state}] ${e.id}${e.learnt ? '' : ' (not enough evidence yet)'}`, `      ${e.statement}`, `      method: ${e.method}`, `      use: ${e.use}`);
    for (const ev of e.evidence.slice(0, 6)) lines.push(`      - ${ev.text}`);
    if (e.evidence.length > 6) lines.push(`      … and ${e.evidence.length - 6} more (use --json for all)`);
  }
  if (v.calibrated.length) {
    lines.push('', 'figures with the switched-on calibrations (95 % range):');
    for (const c of v.calibrated) {
      lines.push(`  ${c.name} ${c.what}: ${figure(c.raw, c.unit)} → ${figure(c.calibrated.value, c.unit)} (${figure(c.calibrated.low, c.unit)}–${figure(c.calibrated.high, c.unit)}; ${c.applied.join(', ')})`);
    }
  }
  return lines.join('\n');
}

/**
 * `nettwin learn effects`: the project's learnt effects with their evidence
 * (the same service and words as the Learn view), and their switches.
 */
export async function learnEffects(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCli(args, {
    project: { type: 'string' },
    on: { type: 'string', multiple: true },
    off: { type: 'string', multiple: true },
    actor: { type: 'string' },
    knowledge: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new CliError(`unexpected "${positionals[0]}" (usage: ${LEARN_EFFECTS_USAGE})`);
  const file = values.project;
  if (file === undefined) throw new CliError(`--project is required (usage: ${LEARN_EFFECTS_USAGE})`);
  const switches = [...(values.on ?? []).map((id) => ({ id, enabled: true })), ...(values.off ?? []).map((id) => ({ id, enabled: false }))];
  const view = await withServices({ knowledge: values.knowledge, needsKnowledge: true }, (s) => {
    const projectId = openProject(s, file, { readOnly: switches.length === 0 });
    let v = s.effects.list(projectId);
    for (const sw of switches) v = s.effects.setSwitch({ projectId, effectId: sw.id, enabled: sw.enabled, ...(values.actor !== undefined ? { actor: values.actor } : {}) });
    return v;
  });
  io.out(values.json ? JSON.stringify(view) : text(view));
  return 0;
}
