import { useEffect, useState } from 'react';
import type { Calibration, CostFactors } from '../../../src-shared/learn/calibration';
import { call } from '../../api/client';

export interface CostCalibration {
  factors: CostFactors;
  /** What each applied factor says, with its interval and evidence count. */
  statements: string[];
}

/**
 * The cost calibrations this project has learnt AND switched on
 * (learn:calibrations; switched in the Learn view). Null while none is on,
 * and when they cannot be read: a price-book figure is then shown alone,
 * never a silently adjusted one.
 */
export function useCostCalibration(projectId: string): CostCalibration | null {
  const [state, setState] = useState<CostCalibration | null>(null);
  useEffect(() => {
    let alive = true;
    call('learn:calibrations', { projectId }).then(
      (list: Calibration[]) => {
        if (!alive) return;
        const factors: CostFactors = {};
        const statements: string[] = [];
        for (const c of list) {
          if (c.metric !== 'capexUsd' && c.metric !== 'mrcUsd' && c.metric !== 'circuitsMonthlyUsd') continue;
          factors[c.metric] = c;
          statements.push(c.statement);
        }
        setState(statements.length > 0 ? { factors, statements } : null);
      },
      () => alive && setState(null),
    );
    return () => {
      alive = false;
    };
  }, [projectId]);
  return state;
}
