import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * A fresh React root in a <div> in the document for each test of the
 * calling file, unmounted and removed after it. Read `host`/`root` inside a
 * test (they change per test).
 */
export function mountPerTest(): { readonly host: HTMLDivElement; readonly root: Root } {
  let host: HTMLDivElement | null = null;
  let root: Root | null = null;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root!.unmount());
    host!.remove();
  });
  return {
    get host() {
      return host!;
    },
    get root() {
      return root!;
    },
  };
}
