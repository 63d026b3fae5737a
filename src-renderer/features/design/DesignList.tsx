import { useSession } from '../../state/session';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/** The designs (TopologyRecords) of the open project. */
export function DesignList() {
  const designs = useSession((s) => s.designs);
  const selected = useSession((s) => s.selectedDesignId);
  const select = useSession((s) => s.selectDesign);
  if (designs.length === 0) return <p className="muted">No designs yet: state an intent and generate.</p>;
  return (
    <ul className="design-list" aria-label="Designs">
      {designs.map((d) => (
        <li key={d.id}>
          <button
            type="button"
            className={d.id === selected ? 'design-list__item design-list__item--active' : 'design-list__item'}
            aria-pressed={d.id === selected}
            onClick={() => select(d.id)}
          >
            <strong>{d.name}</strong>
            <span className="muted">
              {d.nodeCount} devices · {d.linkCount} links{d.costUsd !== null ? ` · ${money.format(d.costUsd)}` : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
