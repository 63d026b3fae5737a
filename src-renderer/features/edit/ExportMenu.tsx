import { useState } from 'react';
import { TOPOLOGY_EXPORT_FORMATS, type TopologyExportFormat } from '../../../src-shared/io/formats';
import { call } from '../../api/client';
import { svgToPng } from './png';

/** What the menu offers: every file format main exports, plus a PNG picture of the drawing. */
type MenuFormat = TopologyExportFormat | 'png';
const MENU_FORMATS: readonly MenuFormat[] = [...TOPOLOGY_EXPORT_FORMATS, 'png'];

/** Offers text as a file download (no Node in the renderer: a Blob URL). */
function download(fileName: string, content: string | Blob): void {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type: 'text/plain' }) : content);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export the design (design:export): one download per file the format makes. */
export function ExportMenu({ projectId, designId }: { projectId: string; designId: string }) {
  const [format, setFormat] = useState<MenuFormat>('containerlab');
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (): Promise<void> => {
    setProblem(null);
    try {
      if (format === 'png') {
        const r = await call('design:export', { projectId, designId, format: 'svg' });
        const svg = Object.values(r.files)[0];
        if (svg === undefined) throw new Error('no drawing to export');
        download('topology.png', await svgToPng(svg));
        return;
      }
      const r = await call('design:export', { projectId, designId, format });
      for (const [name, text] of Object.entries(r.files)) download(name.split('/').join('_'), text);
    } catch (err) {
      setProblem((err as Error).message);
    }
  };
  return (
    <div className="search">
      <div className="row">
        <select aria-label="Export format" value={format} onChange={(e) => setFormat(e.target.value as MenuFormat)}>
          {MENU_FORMATS.map((f) => (
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
