import type { CapacityPlanResult } from '../../../src-shared/capacity/types';

/** Utilisation as a colour: green well within the limit, amber near it, red over it. */
export function heatColour(u: number, limit: number): string {
  if (u > limit) return `hsl(0 75% ${Math.max(38, 60 - (u - limit) * 60)}%)`;
  const t = Math.min(1, u / limit);
  return `hsl(${Math.round(130 - 90 * t)} 65% ${Math.round(88 - 30 * t)}%)`;
}

/** Worst-case utilisation per link (rows) and period (columns), as the design stands or with the plan. */
export function HeatMap({ plan, withPlan }: { plan: CapacityPlanResult; withPlan: boolean }) {
  const limit = plan.limitPct / 100;
  const rows = withPlan ? plan.heat.withPlan : plan.heat.asIs;
  return (
    <table className="heat" aria-label={`Utilisation heat ${withPlan ? 'with the plan' : 'as the design stands'}`}>
      <thead>
        <tr>
          <th scope="col">Link (worst case over the failure set)</th>
          {plan.periods.map((p) => (
            <th key={p.label} scope="col">
              {p.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {plan.heat.links.map((l, i) => (
          <tr key={l.link}>
            <th scope="row">{l.linkLabel}</th>
            {rows[i]!.map((u, k) => (
              <td key={k} style={{ background: heatColour(u, limit) }} className={u > limit ? 'heat__over' : undefined} title={`${l.linkLabel}, ${plan.periods[k]!.title}: ${(u * 100).toFixed(0)} %`}>
                {(u * 100).toFixed(0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
