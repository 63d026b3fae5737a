import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as ProjectFileModule from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';

// Counts every project file the services open.
vi.mock('../../../src-main/store/projectFile', async (original) => {
  const m = await original<typeof ProjectFileModule>();
  return { ...m, openProjectFile: vi.fn(m.openProjectFile) };
});
const { openProjectFile } = await import('../../../src-main/store/projectFile');
const { createServices } = await import('../../../src-main/services/container');
const { intentOfShape } = await import('../../../src-shared/learn/intents');

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

describe("the desktop menu's recent list", () => {
  it('is rebuilt after a design is saved without opening any other project file', async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const s = createServices({ mode: 'electron', projectsDir: path.join(tmp.dir, 'projects'), dataDir: path.join(tmp.dir, 'data') });
    try {
      const other = s.projects.create('Other');
      s.projects.close(other.id);
      // A damaged file in the folder is listed by name, not opened (opening it says why).
      fs.writeFileSync(path.join(tmp.dir, 'projects', 'Damaged.nettwin'), 'not a database');
      const mine = s.projects.create('Mine');
      const design = s.designs.generate(mine.id, intentOfShape({ sites: 4, regions: 1, redundancy: 'STANDARD', goal: 'cost', mix: 0 }), 'ring');
      vi.mocked(openProjectFile).mockClear();

      s.designs.savePositions({ projectId: mine.id, designId: design.id, positions: [] });
      const files = s.projects.recentFiles(); // what main.ts rebuilds the menu from on project:changed
      expect(files.map((f) => path.basename(f)).sort()).toEqual(['Damaged.nettwin', 'Mine.nettwin', 'Other.nettwin']);
      expect(vi.mocked(openProjectFile)).not.toHaveBeenCalled();
    } finally {
      s.dispose();
    }
  });
});
