import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src-shared/io/detect';
import { importTopology } from '../../../src-shared/io/formats';
import { placeForName } from '../../../src-shared/io/place-names';
import { ImportError } from '../../../src-shared/io/report';

// Rocketfuel-style city labels as REPETITA ships them (rf1239, rf1221, rf3257), one router each, in a ring.
const CITIES = ['London', 'Paris', 'Springfield,+MA', 'Penrith,+Australia', 'Brussels,+Belgium', 'Washington,+DC', 'Relay,+MD', 'Zurich,+Switzerland', 'Dublin,+Ireland'];
const graph = (labels: string[]): string => {
  const nodes = labels.map((l, i) => `${l}${4000 + i} 0.0 0.0`);
  const edges = labels.flatMap((_, i) => {
    const j = (i + 1) % labels.length;
    return [`Link_${2 * i} ${i} ${j} 10 10000000 3`, `Link_${2 * i + 1} ${j} ${i} 10 10000000 3`];
  });
  return `NODES ${labels.length}\nlabel x y\n${nodes.join('\n')}\n\nEDGES ${edges.length}\nlabel src dest weight bw delay\n${edges.join('\n')}\n`;
};

describe('REPETITA import with gazetteer coordinates', () => {
  it('is detected from its first lines and imported as city sites', () => {
    const text = graph(CITIES);
    expect(detectFormat('rf-test.graph', text)).toBe('repetita');
    expect(detectFormat('rf-test.txt', text)).toBe('repetita');
    const { topology, report } = importTopology('repetita', { text, fileName: 'rf-test.graph' });
    expect(topology.name).toBe('rf-test');
    expect(topology.nodes).toHaveLength(CITIES.length);
    expect(topology.links).toHaveLength(CITIES.length);
    expect(topology.sites.map((s) => s.name)).toEqual(CITIES.map((c) => c.replace(/\+/g, ' ')));
    expect(report.guessed.join(' ')).toMatch(/coordinates of 6 of 9 city sites/);
    expect(report.dropped.join(' ')).toMatch(/Springfield, MA.*Penrith, Australia.*Relay, MD/);
  });

  it('places a name only where it is unambiguous, in the country the label names', () => {
    const at = (label: string) => placeForName(label)?.place;
    // Unique or dominant names, with and without a qualifier.
    expect(at('London')).toMatchObject({ country: 'GB', lat: 51.51 });
    expect(at('Paris')).toMatchObject({ country: 'FR' });
    expect(at('Brussels, Belgium')).toMatchObject({ country: 'BE' });
    expect(at('Zurich, Switzerland')).toMatchObject({ country: 'CH' }); // "Zürich" in GeoNames
    expect(at('New York, NY')).toMatchObject({ country: 'US', name: 'New York City' });
    expect(at('Washington, DC')).toMatchObject({ country: 'US', name: 'Washington, D.C.' });
    expect(at("Lees Summit, MO")).toMatchObject({ country: 'US' }); // "Lee's Summit"
    expect(at('Newcastle, Australia')).toMatchObject({ country: 'AU' }); // not South Africa's, which is larger
    expect(at('Venice, Italy')).toMatchObject({ country: 'IT' });
    // Ambiguous inside the country: the US has several Springfields and two Kansas Cities of similar size.
    expect(at('Springfield, MA')).toBeUndefined();
    expect(at('Kansas City, MO')).toBeUndefined();
    // Penrith in the gazetteer is England's (the Australian one is under its 15,000-people floor): never placed there.
    expect(at('Penrith, Australia')).toBeUndefined();
    expect(at('Penrith')).toMatchObject({ country: 'GB' });
    // A qualifier naming no known country or state leaves the site unplaced rather than guessing.
    expect(at('Paris, Atlantis')).toBeUndefined();
    expect(at('')).toBeUndefined();
  });

  it('names the file and line of a malformed network', () => {
    const bad = graph(['London', 'Paris']).replace('Link_1 1 0 10', 'Link_1 1 7 10');
    expect(() => importTopology('repetita', { text: bad, fileName: 'bad.graph' })).toThrow(ImportError);
    expect(() => importTopology('repetita', { text: bad, fileName: 'bad.graph' })).toThrow(/bad\.graph line 9: edge Link_1: dest 7 is not one of the 2 nodes/);
  });
});
