import { useState, type FormEvent } from 'react';
import { TOPOLOGY_IMPORT_FORMATS, type TopologyImportFormat } from '../../../src-shared/io/formats';
import type { ImportReport } from '../../../src-shared/io/report';
import { ApiError } from '../../api/client';
import { runInJobBar } from '../../state/jobBar';
import { useSession } from '../../state/session';
import { importProblem, largeDesignNotice, sizeProblem, tooBigToDraw } from './limits';

const FORMAT_NAMES: Record<TopologyImportFormat, string> = {
  graphml: 'GraphML (Topology Zoo, yEd)',
  clab: 'containerlab topology (.clab.yml)',
  'netbox-csv': 'NetBox CSV (devices + cables)',
  'netbox-json': 'NetBox JSON (API response or import bundle)',
  json: 'NetTwin design JSON',
  repetita: 'REPETITA / Rocketfuel network (.graph)',
};

/** Imports a network from a file; shows what was mapped, guessed and dropped. */
export function ImportView({ projectId }: { projectId: string }) {
  const refreshDesigns = useSession((s) => s.refreshDesigns);
  const selectDesign = useSession((s) => s.selectDesign);
  const setScreen = useSession((s) => s.setScreen);
  const [file, setFile] = useState<File | null>(null);
  const [cables, setCables] = useState<File | null>(null);
  const [sites, setSites] = useState<File | null>(null);
  const [format, setFormat] = useState<TopologyImportFormat | ''>('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; name: string; report: ImportReport; format: string; nodes: number; links: number } | null>(null);

  // NetBox exports one file per object type: a devices file takes its cables and sites files along.
  const netbox = format === 'netbox-csv' || format === 'netbox-json' || (format === '' && file !== null && /devices/i.test(file.name));
  const companionTypes = format === 'netbox-csv' ? '.csv' : format === 'netbox-json' ? '.json' : '.csv,.json';

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (file === null) return;
    setBusy(true);
    setProblem(null);
    try {
      const early = sizeProblem(file.name, file.size);
      if (early !== null) throw new Error(early);
      const text = await file.text();
      const late = sizeProblem(file.name, file.size, text.length);
      if (late !== null) throw new Error(late);
      // A job: progress and Cancel in the top bar while a large network is read and stored.
      const r = await runInJobBar(
        'design:importJob',
        {
          projectId,
          fileName: file.name,
          text,
          ...(format !== '' ? { format } : {}),
          ...(netbox && cables !== null ? { cables: { fileName: cables.name, text: await cables.text() } } : {}),
          ...(netbox && sites !== null ? { sites: { fileName: sites.name, text: await sites.text() } } : {}),
        },
        { label: `Importing ${file.name}…`, total: 100, progressLabel: (m) => m },
      );
      await refreshDesigns();
      setDone({ id: r.summary.id, name: r.summary.name, report: r.report, format: r.format, nodes: r.summary.nodeCount, links: r.summary.linkCount });
    } catch (err) {
      const error = err instanceof ApiError ? err : { code: 'INTERNAL' as const, message: (err as Error).message };
      setProblem(error.code === 'CANCELLED' ? `Import of ${file.name} cancelled; nothing was stored.` : importProblem(file.name, file.size, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="wizard" aria-labelledby="import-title">
      <header className="wizard__header">
        <h1 id="import-title">Import a network</h1>
        <button type="button" onClick={() => setScreen('design')}>
          Back to designs
        </button>
      </header>
      <form className="card" onSubmit={submit} aria-label="Import">
        <label className="field">
          <span>Network file</span>
          <input type="file" accept=".graphml,.xml,.yml,.yaml,.csv,.json,.graph" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-invalid={problem !== null} aria-describedby={problem !== null ? 'import-problem' : undefined} />
        </label>
        <label className="field">
          <span>Format</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as TopologyImportFormat | '')}>
            <option value="">Detect from the file</option>
            {TOPOLOGY_IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_NAMES[f]}
              </option>
            ))}
          </select>
        </label>
        {netbox && (
          <>
            <label className="field">
              <span>NetBox cables file{format === 'netbox-csv' ? '' : ' (optional)'}</span>
              <input type="file" accept={companionTypes} onChange={(e) => setCables(e.target.files?.[0] ?? null)} />
            </label>
            <label className="field">
              <span>NetBox sites file (optional: regions and coordinates)</span>
              <input type="file" accept={companionTypes} onChange={(e) => setSites(e.target.files?.[0] ?? null)} />
            </label>
          </>
        )}
        {problem !== null && (
          <p id="import-problem" className="problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="primary" disabled={file === null || busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </form>
      {done !== null && (
        <section className="card" aria-label="Import report">
          <h2>
            Imported “{done.name}” ({done.format})
          </h2>
          {(['mapped', 'guessed', 'dropped'] as const).map((k) => (
            <details key={k} open={k !== 'mapped'}>
              <summary>
                {k} ({done.report[k].length})
              </summary>
              <ul>
                {done.report[k].slice(0, 50).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </details>
          ))}
          {tooBigToDraw(done.nodes) && <p role="note">{largeDesignNotice(done.nodes, done.links)}</p>}
          <button type="button" className="primary" onClick={() => selectDesign(done.id)}>
            Open the imported design
          </button>
        </section>
      )}
    </main>
  );
}
