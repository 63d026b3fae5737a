/**
 * Prints the "must show" figures of issue 20: for every Topology Zoo network
 * in test/data, the GÉANT example and every family the three example intents
 * build, each export checked against the real tools' own definitions
 * (vendored unmodified in test/fixtures/upstream): containerlab schema errors,
 * Ansible hosts as YAML 1.1 reads them, NetBox bundle rows, Terraform
 * arguments and cable lengths. Exits 1 when any check finds a problem.
 * Usage: npm run check:exports [-- --all] (--all prints a line per design).
 */
import { checkDesign, mustShowDesigns } from '../test/shared/io/must-show';

const all = process.argv.includes('--all');
const started = Date.now();
const rows = mustShowDesigns().map((d) => checkDesign(d.source, d.topology));
const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
const bad = rows.filter((r) => r.clabErrors + r.ansibleProblems + r.netboxProblems + r.netboxJsonProblems + r.terraformProblems > 0 || r.ansibleHosts !== r.devices);
if (all) {
  for (const r of rows) {
    process.stdout.write(`${r.source}\tdevices ${r.devices}\tlinks ${r.links}\tclab errors ${r.clabErrors}\tansible hosts ${r.ansibleHosts}\tnetbox problems ${r.netboxProblems}\tnetbox json problems ${r.netboxJsonProblems}\tterraform problems ${r.terraformProblems}\n`);
  }
}
const zoo = rows.filter((r) => r.source.startsWith('zoo/'));
const lines = [
  `designs checked: ${rows.length} (${zoo.length} Topology Zoo, 1 GÉANT example, ${rows.length - zoo.length - 1} from the 3 example intents)`,
  `devices: ${sum((r) => r.devices)}, links: ${sum((r) => r.links)}`,
  `containerlab (clab.schema.json): ${sum((r) => r.clabErrors)} errors in ${rows.filter((r) => r.clabErrors > 0).length} designs`,
  `Ansible (YAML 1.1): ${sum((r) => r.ansibleHosts)} hosts read for ${sum((r) => r.devices)} devices; ${rows.filter((r) => r.ansibleHosts !== r.devices).length} designs differ; ${sum((r) => r.ansibleProblems)} problems`,
  `NetBox bundle: ${sum((r) => r.netboxDevices)} devices, ${sum((r) => r.netboxInterfaces)} interfaces, ${sum((r) => r.netboxCables)} cables; ${sum((r) => r.netboxProblems)} problems in ${rows.filter((r) => r.netboxProblems > 0).length} designs (CSV), ${sum((r) => r.netboxJsonProblems)} in ${rows.filter((r) => r.netboxJsonProblems > 0).length} (JSON)`,
  `Terraform: ${sum((r) => r.terraformLengths)} cable lengths; ${sum((r) => r.terraformProblems)} problems in ${rows.filter((r) => r.terraformProblems > 0).length} designs`,
  `time: ${((Date.now() - started) / 1000).toFixed(1)} s`,
];
process.stdout.write(`${lines.join('\n')}\n`);
for (const r of bad.slice(0, 10)) process.stderr.write(`${r.source}: ${r.sample.join(' | ')}\n`);
process.exitCode = bad.length > 0 ? 1 : 0;
