import { isolationInWords } from '../sim/impact-report';
import { redundancyRank, type Redundancy } from '../model/intent';
import { convergenceWords } from '../sim/convergence';
import { elementNamer, labelNamer } from '../model/names';
import { esc } from './escape';
import { availability, dateTime, minutes, num, pct, plural, stranded } from './format';
import { badge, capped, facts, h3, none, p, section, table, text, type Html } from './kit';
import { LABELLED_MAX } from './gather';
import { CLASS_WORDS } from './sweep';
import type { ChosenDesign, NamedElement, ReportModel } from './model';

export function designSection(m: ReportModel, n: number): Html {
  const c = m.chosen;
  if (!c) return section('design', n, 'Chosen design', [none('This project holds no designs; there is nothing to present.')]);
  const r = c.record;
  const v = c.validation;
  const body: Html[] = [
    p(`<strong>${esc(r.name)}</strong>. ${esc(c.basis)}`),
    facts([
      ['Family', text(r.family ?? 'none (imported or drawn)')],
      ['Devices / links / sites', `${num(r.nodeCount)} / ${num(r.linkCount)} / ${num(r.topology.sites.length)}`],
      ['Source, revision', `${esc(r.source)}, revision ${num(r.revision)} (last changed ${dateTime(r.updatedAt)})`],
      ['Validation score', `${num(v.score)} / 100 ${badge(v.passed, 'meets the intent', 'does not meet the intent')}`],
      ['Redundancy achieved', text(v.redundancyAchieved ?? 'not connected')],
      ['Design id', `<span class="mono">${esc(r.id)}</span>`],
    ]),
    c.svg === null
      ? none(`At ${num(r.nodeCount)} devices the design is too large to draw legibly on a page; export it (SVG, GraphML) to view it.`)
      : `<figure class="drawing">${c.svg}<figcaption>${esc(r.name)}: devices coloured by role${r.nodeCount > LABELLED_MAX ? '; names left out at this size' : ''}.</figcaption></figure>`,
  ];
  body.push(h3('Validation against the intent'));
  if (c.validationNote) body.push(p(esc(c.validationNote), 'warn'));
  body.push(
    table(
      [{ head: 'Check', width: '24%' }, { head: 'Result', width: '10%' }, { head: 'Severity', width: '10%' }, { head: 'Explanation' }],
      v.checks.map((k) => [text(k.title), k.severity === 'info' ? '<span class="badge unknown">info</span>' : badge(k.passed), text(k.severity), text(k.message)]),
      { cls: 'checks' },
    ),
  );
  return section('design', n, 'Chosen design', body);
}

const names = (xs: readonly NamedElement[], max: number): Html => capped(xs.map((x) => esc(x.label)), max, '; ');

/** A 2-link class often holds parallel links with the same ends: then the link ids tell them apart. */
function cutClass(cls: readonly NamedElement[]): Html {
  const repeated = new Set(cls.map((x) => x.label).filter((l, i, all) => all.indexOf(l) !== i));
  return `{${capped(cls.map((x) => (repeated.has(x.label) ? `${esc(x.label)} <span class="mono">(${esc(x.id)})</span>` : esc(x.label))), 6, '; ')}}`;
}

function verdict(c: ChosenDesign, required: Redundancy | null): Html {
  const achieved = c.validation.redundancyAchieved;
  if (required === null) return p(`Redundancy class achieved: <strong>${esc(achieved ?? 'not connected')}</strong> (no intent states a requirement).`);
  const ok = achieved !== null && redundancyRank(achieved) >= redundancyRank(required);
  return p(
    `Required class <strong>${esc(required)}</strong>; achieved <strong>${esc(achieved ?? 'not connected')}</strong>. ` +
      (ok ? 'The design <strong>meets</strong> the required redundancy class.' : 'The design <strong>does not meet</strong> the required redundancy class.'),
    ok ? 'verdict ok' : 'verdict bad',
  );
}

function cutSets(c: ChosenDesign): Html[] {
  const r = c.resilience;
  const rows: [string, Html, Html][] = [
    ['Single links (bridges)', num(r.bridges.length), r.bridges.length ? names(r.bridges, 25) : 'none: no single link failure disconnects anything'],
    ['Single devices (articulation points)', num(r.cutNodes.length), r.cutNodes.length ? names(r.cutNodes, 25) : 'none: no single device failure disconnects the others'],
    [
      'Pairs of links (2-link cut classes)',
      num(r.twoLinkCutClasses.length),
      r.twoLinkCutClasses.length
        ? capped(r.twoLinkCutClasses.map(cutClass), 12, '<br>')
        : 'none: no two link failures disconnect anything',
    ],
  ];
  return [
    p('A minimal cut set is a smallest set of elements whose joint failure splits the network. Any two links of one 2-link class together form a cut.', 'small'),
    table([{ head: 'Cut sets of size', width: '26%' }, { head: 'Count', num: true, width: '8%' }, { head: 'Elements' }], rows.map(([a, b, d]) => [esc(a), b, d])),
  ];
}

function sweepPart(c: ChosenDesign): Html[] {
  const out: Html[] = [h3('Failure sweep')];
  const s = c.sweep;
  const namer = elementNamer(c.record.topology);
  if (!s) {
    out.push(none('No failure sweep has been recorded for this design. The structural figures above do not depend on one; run a sweep to add rerouted-traffic impact.'));
    return out;
  }
  if (s.stale) out.push(p(`This sweep ran on revision ${s.record.topologyRevision}; the design is now at revision ${c.record.revision}.`, 'warn'));
  const sum = s.summary;
  if (!sum) {
    out.push(none('The stored sweep summary could not be read by this version of NetTwin.'));
    return out;
  }
  const classes = Object.entries(sum.classes).map(([k, v]) => `${num(v)} ${esc(CLASS_WORDS[k] ?? k)}`).join(', ');
  out.push(
    facts([
      ['Run', `${dateTime(s.record.createdAt)}, traffic model <strong>${esc(s.record.traffic)}</strong>, ${plural(sum.scenarioCount, 'scenario')} (${classes || 'none'})`],
      ['Scenarios that disconnect a pair', `${num(sum.disconnecting)} of ${num(sum.scenarioCount)}`],
      ['Scenarios that overload a link', `${num(sum.overloading)} of ${num(sum.scenarioCount)}`],
      ['Link utilisation: normal / worst', `${pct(sum.baseline.maxUtilisation, 1)} / ${pct(sum.worstUtilisation, 1)}`],
      ['Worst stranded demand', stranded(sum.worstStrandedDemand, sum.baseline.totalVolume, sum.baseline.unitGbps)],
      ['Worst latency stretch (p95)', `× ${num(sum.worstStretchP95, 2)}`],
      ['Convergence', sum.convergence ? esc(convergenceWords(sum.convergence, labelNamer(namer, sum.worst))) : 'not estimated (sweep stored before convergence was recorded; run it again)'],
    ]),
  );
  if (s.byClass) {
    out.push(
      table(
        [{ head: 'Failure class', width: '24%' }, { head: 'Scenarios', num: true }, { head: 'Disconnect a pair', num: true }, { head: 'Overload a link', num: true }, { head: 'Most pairs cut', num: true }, { head: 'Most demand stranded', num: true }, { head: 'Worst utilisation', num: true }],
        s.byClass.map((r) => [text(CLASS_WORDS[r.cls] ?? r.cls), num(r.scenarios), num(r.disconnecting), num(r.overloading), num(r.worstPairs), num(r.worstStranded), pct(r.worstUtilisation, 1)]),
        { cls: 'classes' },
      ),
    );
  }
  out.push(h3('Worst scenarios'));
  if (s.worst.length === 0) {
    out.push(p('No scenario in the sweep disconnects, strands, overloads or lengthens anything.'));
  } else {
    out.push(
      p(`The most damaging scenarios, the worst of each failure class first${s.byClass ? '' : ' (drawn from the most damaging scenarios kept with the sweep summary)'}.`, 'small'),
      table(
        [
          { head: 'Scenario', width: '34%' }, { head: 'Class' }, { head: 'Pairs cut', num: true }, { head: 'Sites isolated', num: true },
          { head: 'Stranded', num: true }, { head: 'Max util.', num: true }, { head: 'Links > 100 %', num: true }, { head: 'Stretch p95', num: true },
        ],
        s.worst.map((w) => [
          esc(namer.scenario(w)), text(CLASS_WORDS[w.cls] ?? w.cls), num(w.disconnectedPairs), num(w.isolatedSites), num(w.strandedDemand),
          pct(w.maxUtilisation, 0), num(w.overloadedLinks), Number.isFinite(w.stretchP95) ? `× ${num(w.stretchP95, 2)}` : '–',
        ]),
        { cls: 'worst' },
      ),
    );
  }
  out.push(h3('Failures that cut a site off'));
  if (s.isolation === null) {
    out.push(p('Not in this sweep: it was stored before the full impact report was recorded; run it again to list them.', 'small'));
  } else if (s.isolation.length === 0) {
    out.push(p('No failure of one or two elements (link, device, in any mix) cuts a site off from the rest.'));
  } else {
    const shown = s.isolation.slice(0, ISOLATION_SHOWN);
    out.push(
      p(`${plural(s.isolation.length, 'failure set')} of at most two elements cut a site off${s.isolation.length > shown.length ? `; the first ${shown.length}` : ''} (the same list as <code>nettwin simulate</code>):`, 'small'),
      `<ul class="isolation">${shown.map((x) => `<li>${esc(isolationInWords(c.record.topology, x))}</li>`).join('')}</ul>`,
    );
  }
  return out;
}

const ISOLATION_SHOWN = 12;

const pairsCut = (n: number): Html => (n === 0 ? 'no device pair is cut apart' : `${plural(n, 'device pair')} cut apart`);

export function resilienceSection(m: ReportModel, n: number): Html {
  const c = m.chosen;
  if (!c) return section('resilience', n, 'Resilience certificate', [none('No design to certify.')]);
  const a = c.resilience.availability;
  const required = m.intent?.parsed?.redundancy ?? null;
  const body: Html[] = [
    verdict(c, required),
    facts([
      ['Availability (device-pair mean)', `<strong>${availability(a.availability)}</strong>`],
      ['Expected downtime', `${minutes(a.downtimeMinPerYear)} a year`],
      ['Expected failure events', `${num(a.incidentsPerYear, 1)} a year`],
      ['Worst single link failure', pairsCut(a.worstLinkPairs)],
      ['Worst single device failure', pairsCut(a.worstNodePairs)],
      ['Worst two-link failure', a.secondOrder ? pairsCut(a.worstLinkPairPairs) : 'not computed (too many links)'],
      ['Parts of the intact network', c.resilience.components === 1 ? 'one (fully connected)' : `${num(c.resilience.components)}: the design is split before any failure`],
    ]),
    h3('Minimal cut sets'),
    ...cutSets(c),
    ...sweepPart(c),
  ];
  return section('resilience', n, 'Resilience certificate', body);
}
