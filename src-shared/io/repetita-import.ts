import { restoreTopology } from '../model/topology';
import { placeForName } from './place-names';
import { parseRepetitaGraph, repetitaNotes, repetitaTopology, RepetitaError } from './repetita';
import { ImportError, type ImportResult } from './report';

/**
 * A REPETITA / Rocketfuel network (`.graph`) as a design in a project: the
 * same reading `nettwin simulate` uses (routers in city sites, duct SRLGs per
 * city pair — repetitaTopology), plus coordinates for the city sites whose
 * name the gazetteer places without ambiguity (place-names.ts), so the Map
 * view can draw them. The file's own x/y are 0 in the published data.
 */
export function importRepetita(text: string, fileName: string): ImportResult {
  let net;
  try {
    net = parseRepetitaGraph(text, fileName);
  } catch (err) {
    if (err instanceof RepetitaError) throw new ImportError(err.file, err.detail, err.line);
    throw err;
  }
  if (net.nodes.length === 0) throw new ImportError(fileName, 'the network has no nodes');
  const name = fileName.replace(/\.graph$/i, '') || 'REPETITA network';
  const topology = repetitaTopology(net, name);
  const located: string[] = [];
  const unlocated: string[] = [];
  const sites = topology.sites.map((s) => {
    const found = placeForName(s.name);
    if (found === undefined) {
      unlocated.push(s.name);
      return s;
    }
    const { place, passedOver } = found;
    located.push(`${s.name} → ${place.name} (${place.country}, ${place.lat}, ${place.lon})${passedOver > 0 ? `, over ${passedOver} smaller place${passedOver === 1 ? '' : 's'} of that name` : ''}`);
    return { ...s, lat: place.lat, lon: place.lon };
  });
  const notes = repetitaNotes(net, topology);
  return {
    topology: restoreTopology({ ...topology, sites }),
    report: {
      mapped: [notes[1]!, `link capacity (Gbit/s), IGP weight and delay (ms) of each link as the file states them`],
      guessed: [
        notes[0]!,
        notes[2]!,
        ...notes.slice(3),
        `coordinates of ${located.length} of ${sites.length} city sites from the GeoNames gazetteer by name (a US state or a country after the comma narrows the search; a name is placed only when unique there or 10× as populous as the next of that name): ${located.join('; ')}`,
      ],
      dropped: unlocated.length === 0 ? [] : [`coordinates of ${unlocated.length} city sites the gazetteer does not place without ambiguity (shown aside on the map): ${unlocated.join(', ')}`],
    },
  };
}
