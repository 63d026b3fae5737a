import { APP_VERSION } from '../../../src-shared/lib/version';
import type { Command } from '../command';

export const versionCommand: Command = {
  name: 'version',
  summary: 'Print the NetTwin version',
  usage: 'nettwin version',
  run: async (_args, io) => {
    io.out(`nettwin ${APP_VERSION}`);
    return 0;
  },
};
