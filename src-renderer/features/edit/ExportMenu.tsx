import { useState } from 'react';
import { TOPOLOGY_EXPORT_FORMATS, type TopologyExportFormat } from '../../../src-shared/io/formats';
import { call } from '../../api/client';

/** Offers text as a file download (no Node in the renderer: a Blob URL). */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export the design (design:export): one download per file the format makes. */
export function ExportMenu({ projectId, designId }: { projectId: string; designId: string }) {
  const [format, setFormat] = useState<TopologyExportFormat>('containerlab');
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (): Promise<void> => {
    setProblem(null);
    try {
      const r = await call('design:export', { projectId, designId, format });
      for (const [name, text] of Object.entries(r.files)) download(name.split('/').join('_'), text);
    } catch (err) {
      setProblem((err as Error).message);
    }
  };
  return (
    <div className="search">
      <div className="row">
        <select aria-label="Export format" value={format} onChange={(e) => setFormat(e.target.value as TopologyExportFormat)}>
          {TOPOLOGY_EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void run()}>
          Export
        </button>
      </div>
      {problem !== null && (
        <small className="problem" role="alert">
          {problem}
        </small>
      )}
    </div>
  );
}
