import { repetitaKind } from './repetita';
import { isRecord } from './yaml-doc';

/** Every format the import path understands (`sndlib` is read by sndlib.ts). */
export const IMPORT_FORMATS = ['graphml', 'clab', 'netbox-csv', 'netbox-json', 'json', 'sndlib', 'repetita'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * Guesses a file's format from its name and first bytes, for the import
 * dialog and `nettwin import` without `--format`. Content wins over the
 * extension (a `.txt` GraphML is still GraphML); undefined when unsure.
 */
export function detectFormat(fileName: string, text: string): ImportFormat | undefined {
  const name = fileName.toLowerCase();
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 4096);
  if (head.startsWith('<')) {
    if (/<graphml[\s>]/.test(head)) return 'graphml';
    if (/sndlib/i.test(head) || /<network[\s>]/.test(head)) return 'sndlib';
    return name.endsWith('.graphml') ? 'graphml' : undefined;
  }
  if (/^\?SNDlib|^NODES\s*\(/m.test(head)) return 'sndlib';
  if (repetitaKind(head) === 'graph') return 'repetita';
  if (head.startsWith('{') || head.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return name.endsWith('.json') ? 'json' : undefined;
    }
    if (isRecord(value) && Array.isArray(value['nodes']) && Array.isArray(value['links'])) return 'json';
    if (isRecord(value) && ('devices' in value || isNetboxList(value))) return 'netbox-json';
    // A bare list: API objects, or bulk-import ones (devices with device_type, cables with side_a_device).
    if (Array.isArray(value) && value.some((o) => isRecord(o) && ('device_type' in o || 'a_terminations' in o || 'side_a_device' in o))) {
      return 'netbox-json';
    }
    return undefined;
  }
  if (/\.clab\.ya?ml$/.test(name) || (/^topology:/m.test(head) && /^\s+nodes:/m.test(head))) return 'clab';
  if (name.endsWith('.csv')) return 'netbox-csv';
  if (name.endsWith('.graphml')) return 'graphml';
  return undefined;
}

function isNetboxList(v: Record<string, unknown>): boolean {
  const results = v['results'];
  return (
    Array.isArray(results) &&
    results.some((o) => isRecord(o) && ('device_type' in o || 'a_terminations' in o || 'termination_a' in o))
  );
}
