import type { Db } from '../db';

/** A schema step. Released migrations are never edited: add a new file. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}
