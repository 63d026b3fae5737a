import { describe, expect, it } from 'vitest';
import { addDevice, connect, copyElements, deleteElements, freshId, moveNodes, paste, updateDevice, updateLink } from '../../src-renderer/actions/edits';
import { emptyHistory, record, redo, undo } from '../../src-renderer/actions/history';
import { squareWithTail } from './fixtures';

describe('edits', () => {
  it('freshId skips taken ids', () => {
    expect(freshId('x-', new Set(['x-1', 'x-2']))).toBe('x-3');
  });

  it('adds a device with a fresh id and keeps other devices by reference', () => {
    const t = squareWithTail();
    const r = addDevice(t, 'core', { x: 10.4, y: 20.6 });
    expect(r.id).toBe('core-1');
    expect(r.topology.nodes.at(-1)).toMatchObject({ id: 'core-1', role: 'core', x: 10, y: 21 });
    expect(r.topology.nodes[0]).toBe(t.nodes[0]);
  });

  it('connects two devices but refuses a self-loop or an unknown end', () => {
    const t = squareWithTail();
    expect(connect(t, 'a', 'a')).toBeNull();
    expect(connect(t, 'a', 'zz')).toBeNull();
    const r = connect(t, 'a', 'c')!;
    expect(r.topology.links.at(-1)).toMatchObject({ id: 'link-1', source: 'a', target: 'c' });
  });

  it('deleting a device removes the links at it', () => {
    const t = deleteElements(squareWithTail(), ['d'], ['ab']);
    expect(t.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'e']);
    expect(t.links.map((l) => l.id)).toEqual(['bc']);
  });

  it('moving to the same rounded place changes nothing', () => {
    const t = squareWithTail();
    expect(moveNodes(t, new Map([['a', { x: 0.2, y: -0.3 }]]))).toBe(t);
    expect(moveNodes(t, new Map([['a', { x: 5, y: 6 }]])).nodes[0]).toMatchObject({ x: 5, y: 6 });
  });

  it('updates a device and a link; a cleared optional field is removed', () => {
    let t = updateDevice(squareWithTail(), 'a', { name: 'Core A', site: undefined });
    expect(t.nodes[0]!.name).toBe('Core A');
    expect('site' in t.nodes[0]!).toBe(false);
    t = updateLink(t, 'ab', { capacityGbps: 100 });
    expect(t.links[0]!.capacityGbps).toBe(100);
  });

  it('copy/paste duplicates devices and the links among them with new ids, shifted', () => {
    const t = squareWithTail();
    const clip = copyElements(t, ['a', 'b'])!;
    expect(clip.links.map((l) => l.id)).toEqual(['ab']);
    const r = paste(t, clip, { x: 40, y: 40 });
    expect(r.nodeIds).toEqual(['a-copy-1', 'b-copy-1']);
    const link = r.topology.links.at(-1)!;
    expect([link.source, link.target]).toEqual(['a-copy-1', 'b-copy-1']);
    expect(r.topology.nodes.find((n) => n.id === 'b-copy-1')).toMatchObject({ x: 140, y: 40, name: 'B copy 1' });
  });
});

describe('history', () => {
  it('undo and redo walk the snapshots; a new change clears redo', () => {
    let h = emptyHistory<number>();
    h = record(h, 1, 'one');
    h = record(h, 2, 'two');
    const u = undo(h, 3)!;
    expect(u.state).toBe(2);
    const u2 = undo(u.history, u.state)!;
    expect(u2.state).toBe(1);
    const r = redo(u2.history, u2.state)!;
    expect(r.state).toBe(2);
    expect(record(r.history, 2, 'x').future).toEqual([]);
    expect(undo(emptyHistory<number>(), 0)).toBeNull();
  });
});
