import fs from 'node:fs';
import path from 'node:path';
import { generateDesign } from '../../../src-shared/generate/generate';
import { exportAnsible } from '../../../src-shared/io/ansible-export';
import { exportClab } from '../../../src-shared/io/clab-export';
import { importTopology } from '../../../src-shared/io/formats';
import { exportNetboxCsv } from '../../../src-shared/io/netbox-csv';
import { exportNetboxJson } from '../../../src-shared/io/netbox-json';
import { exportTerraform } from '../../../src-shared/io/terraform-export';
import { IntentSchema } from '../../../src-shared/model/intent';
import { TOPOLOGY_FAMILIES, type Topology } from '../../../src-shared/model/topology';
import { TEST_DATA, ZOO_DIR, zooFiles } from '../../helpers/data';
import { ansibleHosts, clabSchemaErrors, netboxBundleProblems, terraformProblems } from './real-tools';

const ROOT = path.resolve(TEST_DATA, '../..');
const EXAMPLES = path.join(ROOT, 'resources/examples');
/** The example intents the start page offers; a missing one fails the run. */
export const EXAMPLE_INTENTS = ['global-enterprise.intent.json', 'regional-retail.intent.json', 'trading-critical.intent.json'];

/** Every design the "must show" figures cover: each Topology Zoo network, GÉANT, and every family each example intent can build. */
export function mustShowDesigns(): Array<{ source: string; topology: Topology }> {
  const out: Array<{ source: string; topology: Topology }> = [];
  for (const f of zooFiles()) {
    out.push({ source: `zoo/${f}`, topology: importTopology('graphml', { text: fs.readFileSync(path.join(ZOO_DIR, f), 'utf8'), fileName: f }).topology });
  }
  const geant = path.join(EXAMPLES, 'networks/Geant2010.graphml');
  out.push({ source: 'examples/Geant2010.graphml', topology: importTopology('graphml', { text: fs.readFileSync(geant, 'utf8'), fileName: 'Geant2010.graphml' }).topology });
  for (const file of EXAMPLE_INTENTS) {
    const intent = IntentSchema.parse(JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')));
    let built = 0;
    for (const family of TOPOLOGY_FAMILIES) {
      let topology: Topology;
      try {
        topology = generateDesign(intent, family, 1).topology;
      } catch {
        continue; // a family that cannot serve this intent
      }
      built++;
      out.push({ source: `examples/${file} ${family}`, topology });
    }
    if (built === 0) throw new Error(`${file}: no family could be generated`);
  }
  return out;
}

export interface MustShowRow {
  source: string;
  devices: number;
  links: number;
  clabErrors: number;
  ansibleHosts: number;
  ansibleProblems: number;
  netboxDevices: number;
  netboxInterfaces: number;
  netboxCables: number;
  netboxProblems: number;
  /** Problems of the JSON import bundle (same checks as the CSV one). */
  netboxJsonProblems: number;
  terraformLengths: number;
  terraformProblems: number;
  /** The first few problems, for a failure message. */
  sample: string[];
}

/** Exports one design in each format and checks each against the real tool's definitions. */
export function checkDesign(source: string, t: Topology): MustShowRow {
  const clab = clabSchemaErrors(exportClab(t));
  const inventory = ansibleHosts(exportAnsible(t)['hosts.yml']!);
  const netbox = netboxBundleProblems(exportNetboxCsv(t));
  const netboxJson = netboxBundleProblems(exportNetboxJson(t));
  const tf = terraformProblems(exportTerraform(t));
  return {
    source,
    devices: t.nodes.length,
    links: t.links.length,
    clabErrors: clab.length,
    ansibleHosts: inventory.hosts.length,
    ansibleProblems: inventory.problems.length,
    netboxDevices: netbox.counts.devices,
    netboxInterfaces: netbox.counts.interfaces,
    netboxCables: netbox.counts.cables,
    netboxProblems: netbox.problems.length,
    netboxJsonProblems: netboxJson.problems.length,
    terraformLengths: tf.lengths,
    terraformProblems: tf.problems.length,
    sample: [...clab, ...inventory.problems, ...netbox.problems, ...netboxJson.problems, ...tf.problems].slice(0, 5),
  };
}
