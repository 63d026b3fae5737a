import fs from 'node:fs';
import path from 'node:path';

/** The recent-projects list, a small JSON file in the user's data folder. */
export class RecentProjects {
  constructor(
    private readonly file: string | null,
    private readonly max = 12,
  ) {}

  list(): string[] {
    if (this.file === null || !fs.existsSync(this.file)) return [];
    try {
      const data: unknown = JSON.parse(fs.readFileSync(this.file, 'utf8'));
      return Array.isArray(data) ? data.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }

  add(projectFile: string): void {
    if (this.file === null) return;
    const next = [projectFile, ...this.list().filter((f) => f !== projectFile)].slice(0, this.max);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(next, null, 2));
    fs.renameSync(tmp, this.file);
  }
}
