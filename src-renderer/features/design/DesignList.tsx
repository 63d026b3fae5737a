import { useSession } from '../../state/session';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-US');

/** The designs (TopologyRecords) of the open project; a tick adds one to the comparison. */
export function DesignList() {
  const designs = useSession((s) => s.designs);
  const selected = useSession((s) => s.selectedDesignId);
  const screen = useSession((s) => s.screen);
  const select = useSession((s) => s.selectDesign);
  const compareIds = useSession((s) => s.compareIds);
  const setCompareIds = useSession((s) => s.setCompareIds);
  if (designs.length === 0) return <p className="muted">No designs yet: state an intent or import a network.</p>;
  const toggle = (id: string): void =>
    setCompareIds(compareIds.includes(id) ? compareIds.filter((x) => x !== id) : [...compareIds, id]);
  return (
    <ul className="design-list" aria-label="Designs">
      {designs.map((d) => {
        const active = d.id === selected && screen === 'design';
        return (
          <li key={d.id} className="design-list__row">
            <button
              type="button"
              className={active ? 'design-list__item design-list__item--active' : 'design-list__item'}
              aria-pressed={active}
              onClick={() => select(d.id)}
            >
              <strong>{d.name}</strong>
              <span className="muted">
                {count.format(d.nodeCount)} devices · {count.format(d.linkCount)} links{d.costUsd !== null ? ` · ${money.format(d.costUsd)}` : ''}
              </span>
            </button>
            <label className="compare-tick" title="Add to comparison">
              <input
                type="checkbox"
                checked={compareIds.includes(d.id)}
                disabled={!compareIds.includes(d.id) && compareIds.length >= 4}
                onChange={() => toggle(d.id)}
                aria-label={`Compare ${d.name}`}
              />
            </label>
          </li>
        );
      })}
    </ul>
  );
}
