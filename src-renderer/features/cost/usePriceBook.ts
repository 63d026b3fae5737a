import { useEffect, useState } from 'react';
import { DEFAULT_PRICE_BOOK, type PriceBook } from '../../../src-shared/cost/pricebook';
import { call, onEvent } from '../../api/client';

/**
 * The project's price book (its own edited copy, else the default), read
 * again when it changes, so the design view, Compare and the editor price
 * with the same book main prices new designs with. The default is used
 * until the project's arrives and when it cannot be read.
 */
export function useProjectPriceBook(projectId: string): { book: PriceBook; custom: boolean } {
  const [state, setState] = useState<{ book: PriceBook; custom: boolean }>({ book: DEFAULT_PRICE_BOOK, custom: false });
  useEffect(() => {
    let alive = true;
    const load = (): void => {
      call('pricebook:get', { projectId }).then(
        (r) => alive && setState(r),
        () => alive && setState({ book: DEFAULT_PRICE_BOOK, custom: false }),
      );
    };
    load();
    const off = onEvent('project:changed', (e) => {
      if (e.projectId === projectId && e.what === 'pricebook') load();
    });
    return () => {
      alive = false;
      off();
    };
  }, [projectId]);
  return state;
}
