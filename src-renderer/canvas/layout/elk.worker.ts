/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';

// ELK runs here, off the UI thread. Requests carry a sequence number so the
// client can drop answers to layouts it no longer wants.
const elk = new ELK();

self.onmessage = async (ev: MessageEvent<{ seq: number; graph: ElkNode }>) => {
  const { seq, graph } = ev.data;
  try {
    const result = await elk.layout(graph);
    self.postMessage({ seq, ok: true, result });
  } catch (err) {
    self.postMessage({ seq, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
