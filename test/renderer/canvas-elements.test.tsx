// @vitest-environment happy-dom
import { ReactFlowProvider, type EdgeProps, type NodeProps } from '@xyflow/react';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { createCanvasStore } from '../../src-renderer/canvas/canvasStore';
import { CanvasStoreProvider } from '../../src-renderer/canvas/CanvasStoreProvider';
import { DeviceNodeView } from '../../src-renderer/canvas/DeviceNodeView';
import { LinkEdgeView } from '../../src-renderer/canvas/LinkEdgeView';
import type { DeviceNode, LinkEdge } from '../../src-renderer/canvas/types';
import { mountPerTest } from './mount';

const dom = mountPerTest();

const device = (id: string): NodeProps<DeviceNode> =>
  ({ id, type: 'device', selected: false, data: { label: `name-${id}`, role: 'core', site: 'Paris', region: 'eu', pinned: false } }) as unknown as NodeProps<DeviceNode>;
const link = (id: string): EdgeProps<LinkEdge> =>
  ({ id, source: 'a', target: 'b', sourceX: 0, sourceY: 0, targetX: 100, targetY: 100, selected: false }) as unknown as EdgeProps<LinkEdge>;

// The device and link views read their state from the canvas store through one
// packed subscription each (DeviceNodeView, LinkEdgeView): every state must
// still reach its own element, and only its own.
describe('device and link views follow the canvas store', () => {
  it('a device shows failed, cut off, covered name and diff marks, and loses them when the store clears them', () => {
    const store = createCanvasStore();
    act(() =>
      dom.root.render(
        <ReactFlowProvider>
          <CanvasStoreProvider store={store}>
            <DeviceNodeView {...device('d1')} />
            <DeviceNodeView {...device('d2')} />
          </CanvasStoreProvider>
        </ReactFlowProvider>,
      ),
    );
    const box = (id: string): HTMLElement => dom.host.querySelector(`[aria-label^="name-${id},"]`)!;
    expect(box('d1').className).toBe('device device--core');
    act(() => store.setState({ failed: new Set(['d1']), hiddenLabels: new Set(['d1']), diff: { added: new Set(), removed: new Set(['d1']), changed: new Set(['d2']) } }));
    expect(box('d1').className).toBe('device device--core device--failed device--removed');
    expect(box('d1').getAttribute('aria-label')).toBe('name-d1, Core, failed');
    expect((box('d1').querySelector('.device__label') as HTMLElement).style.visibility).toBe('hidden');
    expect(box('d2').className).toBe('device device--core device--changed');
    expect((box('d2').querySelector('.device__label') as HTMLElement).style.visibility).toBe('');
    act(() => store.setState({ overlay: { cutOff: new Set(['d2']) } as never, failed: new Set(), hiddenLabels: new Set(), diff: null }));
    expect(box('d1').className).toBe('device device--core');
    expect(box('d2').className).toBe('device device--core device--cutoff');
    expect(box('d2').getAttribute('aria-label')).toBe('name-d2, Core, cut off');
  });

  it('a link shows failed, rerouted, heat and diff, each on its own link', () => {
    const store = createCanvasStore();
    act(() =>
      dom.root.render(
        <ReactFlowProvider>
          <CanvasStoreProvider store={store}>
            <svg>
              <LinkEdgeView {...link('l1')} />
              <LinkEdgeView {...link('l2')} />
            </svg>
          </CanvasStoreProvider>
        </ReactFlowProvider>,
      ),
    );
    const path = (id: string): SVGPathElement => dom.host.querySelector(`path#${id}`)!;
    expect(path('l1').getAttribute('class')).toBe('react-flow__edge-path link');
    act(() => store.setState({ failed: new Set(['l1']), overlay: { rerouted: new Set(['l2']), heat: new Map([['l2', 0.95]]) } as never }));
    expect(path('l1').getAttribute('class')).toBe('react-flow__edge-path link link--failed');
    expect(path('l1').style.strokeDasharray).toBe('6 4');
    expect(path('l2').getAttribute('class')).toBe('react-flow__edge-path link link--rerouted');
    expect(path('l2').style.stroke).not.toBe('');
    act(() => store.setState({ failed: new Set(), overlay: null, diff: { added: new Set(['l2']), removed: new Set(), changed: new Set() } }));
    expect(path('l1').getAttribute('class')).toBe('react-flow__edge-path link');
    expect(path('l2').getAttribute('class')).toBe('react-flow__edge-path link link--added');
  });
});
