import { useRef, useState } from 'react';
import { transport, uploadProject } from '../../api/client';
import { useSession } from '../../state/session';

/** Start-page card: bring an existing `.nettwin` file in (browser app: upload; desktop: File ▸ Open). */
export function OpenProjectFile({ onOpened }: { onOpened: () => void }) {
  const openProject = useSession((s) => s.openProject);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const take = async (file: File): Promise<void> => {
    if (!file.name.toLowerCase().endsWith('.nettwin')) {
      setProblem(`${file.name} is not a NetTwin project (a project file ends in .nettwin)`);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const info = await uploadProject(file, file.name.replace(/\.nettwin$/i, ''));
      onOpened();
      await openProject(info.id);
    } catch (err) {
      setProblem(`${file.name}: ${(err as Error).message}`);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <section className="card" aria-labelledby="open-file">
      <h2 id="open-file">Open a project file</h2>
      {transport === 'http' ? (
        <>
          <p className="muted">A colleague’s .nettwin file joins your projects folder as it is; it is checked first and never changed on the way in.</p>
          <input
            ref={input}
            type="file"
            accept=".nettwin"
            aria-label="Upload a .nettwin project"
            disabled={busy}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void take(f);
            }}
          />
        </>
      ) : (
        <p className="muted">Use File ▸ Open… (Ctrl+O, ⌘O on a Mac) to open any .nettwin file, or double-click one.</p>
      )}
      {problem !== null && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
