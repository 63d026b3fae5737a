import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProjectFile } from '../../../src-main/store/projectFile';
import { expectNothingLeaked, startTestHost, type Reply, type TestHost } from './helpers';

// Everything the browser host reads, writes or deletes is inside its projects folder (or, for the app itself, inside
// the built renderer). Outside both sits a real project and a text file: if any entry point followed a path or a link
// out, it could open, list, copy or overwrite them.
let t: TestHost;
let outside: string;
let staticDir: string;
let secretProject: string;
let before: Map<string, string>;

/** Every file under `dir` with a hash of its content and its mtime. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const f = path.join(dir, name);
    const st = fs.lstatSync(f);
    if (st.isFile()) out.set(name, `${createHash('sha256').update(fs.readFileSync(f)).digest('hex')} ${st.mtimeMs}`);
  }
  return out;
}

beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'nettwin-renderer-'));
  t = await startTestHost({ staticDir });
  outside = path.join(t.dir, 'outside');
  fs.mkdirSync(path.join(outside, 'dir.nettwin'), { recursive: true });
  secretProject = path.join(outside, 'secret.nettwin');
  openProjectFile(secretProject, { create: { name: 'Outside secret' } }).close();
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'TOP SECRET');
  fs.writeFileSync(path.join(outside, 'report.html'), '<p>TOP SECRET report</p>');
  const link = (target: string, name: string): void => fs.symlinkSync(target, path.join(t.projectsDir, name));
  link(secretProject, 'link.nettwin'); // a project file that is a link out
  link(path.join(outside, 'dir.nettwin'), 'dirlink.nettwin'); // a folder link out, named like a project
  link(path.join(outside, 'new.nettwin'), 'dangling.nettwin'); // writing through it would create new.nettwin outside
  link(path.join(outside, 'report.html'), 'leak.html'); // a "report" that is a link out
  link(outside, 'sub'); // a folder link out
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>INDEX</title>');
  fs.writeFileSync(path.join(staticDir, 'app.js'), 'console.log("app")');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(staticDir, 'leak.txt'));
  fs.symlinkSync(outside, path.join(staticDir, 'linkdir'));
  before = snapshot(outside);
  const created = await t.call('project:create', { name: 'Inside' });
  expect(created.status).toBe(200);
});
afterAll(async () => {
  expectNothingLeaked(t.replies, t.logs);
  await t.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const bodyOf = (r: Reply): { ok: boolean; error?: { code: string; message: string } } => JSON.parse(r.body) as { ok: boolean; error?: { code: string; message: string } };

/** Ids that must be refused, and a word the refusal must give as the reason. */
const HOSTILE: [string, RegExp][] = [
  ['../outside/secret.nettwin', /"\.\." \(a parent folder\)/],
  ['..\\outside\\secret.nettwin', /"\.\." \(a parent folder\)/],
  ['sub/secret.nettwin', /path separator/],
  ['sub\\secret.nettwin', /path separator/],
  ['/etc/passwd.nettwin', /absolute path/],
  ['C:\\Windows\\x.nettwin', /absolute path/],
  ['a\u0000b.nettwin', /NUL byte/],
  ['line\nbreak.nettwin', /control character/],
  ['.hidden.nettwin', /hidden file/],
  ['secret.txt', /does not end in \.nettwin/],
  ['link.nettwin', /symbolic link that points outside/],
  ['dirlink.nettwin', /symbolic link that points outside/],
  ['dangling.nettwin', /symbolic link to nothing/],
];

describe('browser host: path confinement', () => {
  it('every channel that takes a project id refuses hostile ids, naming the id and the reason', async () => {
    for (const [id, why] of HOSTILE) {
      const calls: [string, unknown][] = [
        ['project:open', { id }],
        ['project:close', { id }],
        ['project:saveAs', { id, name: 'Copy' }],
        ['project:export', { id, name: 'Shared', includeHistory: false }],
        ['design:list', { projectId: id }],
        ['pricebook:get', { projectId: id }],
        ['audit:list', { projectId: id, limit: 5 }],
        ['learn:report', { projectId: id }],
      ];
      for (const [channel, input] of calls) {
        const r = bodyOf(await t.call(channel, input));
        expect(r.ok, `${channel} ${JSON.stringify(id)}`).toBe(false);
        expect(r.error?.code, `${channel} ${JSON.stringify(id)}: ${r.error?.message}`).toBe('FORBIDDEN');
        expect(r.error?.message).toContain(JSON.stringify(id).slice(1, 12)); // names the id (escaped as JSON)
        expect(r.error?.message).toMatch(why);
      }
    }
  });

  it('refuses names that would create, copy or export onto a link out of the folder', async () => {
    for (const name of ['link', 'dangling', 'dirlink']) {
      for (const [channel, input] of [
        ['project:create', { name }],
        ['project:saveAs', { id: 'Inside.nettwin', name }],
        ['project:export', { id: 'Inside.nettwin', name, includeHistory: true }],
      ] as const) {
        const r = bodyOf(await t.call(channel, input));
        expect(r.ok, `${channel} ${name}`).toBe(false);
        expect(r.error?.message, channel).toMatch(new RegExp(`"${name}\\.nettwin" refused: it is a symbolic link`));
      }
    }
    expect(fs.existsSync(path.join(outside, 'new.nettwin'))).toBe(false);
  });

  it('percent-encoded ids reach no other folder: through a call they are literal names, through a URL they are decoded once and refused', async () => {
    const literal = bodyOf(await t.call('project:open', { id: '%2e%2e%2foutside%2fsecret.nettwin' }));
    expect(literal.error).toEqual({ code: 'NOT_FOUND', message: 'project %2e%2e%2foutside%2fsecret.nettwin not found' });
    for (const p of ['%2e%2e%2foutside%2fsecret.nettwin', '..%2Foutside%2Fsecret.nettwin', '..%5Coutside%5Csecret.nettwin', 'sub%2Fsecret.nettwin', '%2Fetc%2Fpasswd.nettwin', 'a%00b.nettwin', 'link.nettwin', 'dirlink.nettwin', 'leak.html', '%2E%2E%2F%2E%2E%2Fsecret.txt']) {
      const r = await t.request({ path: `/api/files/${p}` });
      expect(r.status, p).toBe(404);
      expect(bodyOf(r).error?.code, `${p}: ${r.body}`).toBe('FORBIDDEN');
      expect(r.body).not.toContain('TOP SECRET');
    }
    // Dot segments in the URL itself are resolved by the URL parser before routing: they leave /api/files/ altogether.
    for (const p of ['/api/files/../outside/secret.nettwin', '/api/files/%2e%2e/outside/secret.nettwin']) {
      const r = await t.request({ path: p });
      expect(r.status, p).toBe(404);
      expect(bodyOf(r).error?.code).toBe('UNKNOWN_CHANNEL');
    }
    const app = await t.request({ path: '/api/files/%2e%2e/%2e%2e/outside/secret.nettwin' }); // = /outside/secret.nettwin: the static app
    expect(app.body).toContain('<title>INDEX</title>');
    const malformed = await t.request({ path: '/api/files/%E0%A4%A.nettwin' }); // once crashed the host (URIError)
    expect(malformed.status).toBe(400);
    expect((await t.call('app:info', {})).status).toBe(200);
  });

  it('uploads are refused for a hostile ?name= before a byte is stored', async () => {
    for (const [name, why] of [
      ['../escape', /no \/ \\/],
      ['..\\escape', /no \/ \\/],
      ['/abs', /no \/ \\/],
      ['a\u0000b', /control characters/],
      ['', /a project needs a name/],
      ['link', /symbolic link that points outside/],
      ['dangling', /symbolic link to nothing/],
    ] as const) {
      const r = await t.request({ method: 'POST', path: `/api/upload?name=${encodeURIComponent(name)}`, body: fs.readFileSync(secretProject) });
      const b = bodyOf(r);
      expect(b.ok, JSON.stringify(name)).toBe(false);
      expect(b.error?.message, JSON.stringify(name)).toMatch(why);
    }
    expect(fs.readdirSync(t.projectsDir).filter((f) => f.startsWith('.upload-'))).toEqual([]);
  });

  it('project:list neither lists nor reads a project behind a link', async () => {
    const r = bodyOf(await t.call('project:list', {})) as unknown as { ok: true; value: { id: string; name: string }[] };
    expect(r.value.map((p) => p.id)).toEqual(['Inside.nettwin']);
  });

  it('the static app never follows a link out of the built renderer', async () => {
    expect((await t.request({ path: '/app.js', token: null })).body).toBe('console.log("app")'); // the control: real files are served
    for (const p of ['/leak.txt', '/linkdir/secret.txt', '/..%2F..%2Foutside%2Fsecret.txt', '/%2e%2e/outside/secret.txt', '/linkdir%2Fsecret.txt', '/a%00b']) {
      const r = await t.request({ path: p, token: null });
      expect(r.body, p).not.toContain('TOP SECRET');
      expect(r.body, p).toContain('<title>INDEX</title>'); // unknown paths get the app, which routes on the client
    }
  });

  it('nothing outside the projects folder was read into an answer, written or deleted', () => {
    expect(snapshot(outside)).toEqual(before);
    expect(fs.readdirSync(outside).sort()).toEqual(['dir.nettwin', 'report.html', 'secret.nettwin', 'secret.txt']);
    for (const r of t.replies) expect(r.body.includes('Outside secret') || r.body.includes('TOP SECRET'), r.what).toBe(false);
  });
});
