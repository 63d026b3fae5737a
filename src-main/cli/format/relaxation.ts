import { editValueWords } from '../../../src-shared/learn/intent-edit';
import type { WhatItWouldTake } from '../../../src-shared/learn/relaxation';

/**
 * The "what would it take" section `nettwin recommend` prints when no option
 * meets the intent. The sentences come from learn/relaxation.ts (the one
 * source of the words the UI shows too); this file only lays them out.
 */
export function relaxationText(w: WhatItWouldTake): string {
  const lines = ['', 'No option meets the intent. What would it take:'];
  if (w.binding.length > 0) {
    lines.push('  binding constraints:');
    for (const b of w.binding) {
      lines.push(`    - ${b.label}: failed by ${b.failedBy.join(', ')}${b.relaxable ? '' : ' (no relaxation searched)'}`);
    }
  }
  const found = w.relaxations.filter((r) => r.edit !== null);
  const none = w.relaxations.filter((r) => r.edit === null);
  if (found.length > 0) {
    lines.push('  smallest relaxation of each, regenerated and re-measured (any one of them):');
    for (const r of found) {
      const below = r.belowChecked === null || r.edit === null ? '' : ` [${editValueWords(r.edit, r.belowChecked)} checked: no option meets the intent]`;
      lines.push(`    - ${r.text}${below}`);
    }
  }
  if (none.length > 0) {
    lines.push('  no relaxation of these alone is enough:');
    for (const r of none) lines.push(`    - ${r.text}`);
  }
  lines.push(`  ${w.atAnyPrice}`);
  if (w.skipped.length > 0) lines.push(`  not considered: ${w.skipped.map((s) => `${s.family} (${s.reason})`).join('; ')}`);
  return lines.join('\n');
}
