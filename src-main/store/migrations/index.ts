import initial from './0010-initial';
import type { Migration } from './types';

/** Ordered, append-only. */
export const MIGRATIONS: readonly Migration[] = [initial];
