import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost } from '../../../src-main/host/serve';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { tempDir } from '../../helpers/tmp';

const tmp = tempDir();
const projectsDir = path.join(tmp.dir, 'projects');
let host: Awaited<ReturnType<typeof startHost>>;
let base: string;

beforeAll(async () => {
  host = await startHost({ port: 0, projectsDir, dataDir: path.join(tmp.dir, 'data'), staticDir: null, token: 'files-token' });
  base = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.stop();
  tmp.cleanup();
});

const headers = { 'X-NetTwin-Token': 'files-token' };
const upload = (name: string, body: Buffer) =>
  fetch(`${base}/api/upload?name=${encodeURIComponent(name)}`, { method: 'POST', headers, body: new Uint8Array(body) }).then((r) => r.json() as Promise<{ ok: boolean; value?: { id: string }; error?: { code: string; message: string } }>);

describe('browser host: sharing project files', () => {
  it('uploads a project shared by a colleague and downloads it back byte for byte', async () => {
    const theirs = path.join(tmp.dir, 'colleague.nettwin');
    const p = openProjectFile(theirs, { create: { name: 'From a colleague' } });
    p.close();
    const r = await upload('Shared design', fs.readFileSync(theirs));
    expect(r.ok).toBe(true);
    expect(r.value?.id).toBe('Shared design.nettwin');
    const got = await fetch(`${base}/api/files/${encodeURIComponent('Shared design.nettwin')}`, { headers });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toContain('attachment');
    expect(Buffer.from(await got.arrayBuffer()).equals(fs.readFileSync(path.join(projectsDir, 'Shared design.nettwin')))).toBe(true);
  });

  it('refuses a file that is not a project, and keeps nothing of it', async () => {
    const r = await upload('Spreadsheet', Buffer.from('name,cost\nrouter,1000\n'));
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_A_PROJECT' } });
    expect(fs.readdirSync(projectsDir).filter((f) => !f.endsWith('.lock'))).toEqual(['Shared design.nettwin']);
  });

  it('never overwrites an existing project of the same name', async () => {
    const r = await upload('Shared design', fs.readFileSync(path.join(projectsDir, 'Shared design.nettwin')));
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('downloads nothing outside the projects folder, and nothing without the token', async () => {
    fs.writeFileSync(path.join(tmp.dir, 'secret.nettwin'), 'secret');
    const traversal = await fetch(`${base}/api/files/${encodeURIComponent('../secret.nettwin')}`, { headers });
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain('secret"');
    const noToken = await fetch(`${base}/api/files/${encodeURIComponent('Shared design.nettwin')}`);
    expect(noToken.status).toBe(401);
  });
});
