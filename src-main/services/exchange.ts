import { AppError } from '../../src-shared/contract/result';
import { detectFormat } from '../../src-shared/io/detect';
import {
  exportTopology,
  importTopology,
  TOPOLOGY_IMPORT_FORMATS,
  type ExportOptions,
  type TopologyExportFormat,
  type TopologyImportFormat,
} from '../../src-shared/io/formats';
import type { ImportPhase } from '../../src-shared/io/import-slices';
import type { ImportReport } from '../../src-shared/io/report';
import { summariseReport } from '../../src-shared/io/report-summary';
import { VALIDATE_ON_IMPORT_MAX_DEVICES } from '../../src-shared/lib/limits';
import { applyRoleCorrections } from '../../src-shared/io/roles';
import type { TopologySummary } from '../../src-shared/model/records';
import type { DesignService } from './designs';
import type { EventBus } from './events';
import { ImportWorkerStopped, importInWorker } from '../workers/clients/import-worker';
import { abortError } from '../../src-shared/contract/result';
import type { JobContext } from './jobs';
import type { ProjectService } from './projects';

export interface ImportRequest {
  projectId: string;
  fileName: string;
  text: string;
  format?: TopologyImportFormat | undefined;
  cables?: { fileName: string; text: string } | undefined;
  sites?: { fileName: string; text: string } | undefined;
  /** Role corrections by device id, or by device name when exactly one device bears it. */
  roles?: Record<string, string> | undefined;
  /** The design's name; default: the name in the file, else the file name without its extension. */
  name?: string | undefined;
}

/** People name devices by name, the model by id: accept either when it is unambiguous. */
function byIdOrName(corrections: Record<string, string>, nodes: ReadonlyArray<{ id: string; name: string }>): Record<string, string> {
  const ids = new Set(nodes.map((n) => n.id));
  const out: Record<string, string> = {};
  for (const [key, role] of Object.entries(corrections)) {
    if (ids.has(key)) {
      out[key] = role;
      continue;
    }
    const named = nodes.filter((n) => n.name === key);
    if (named.length > 1) throw new AppError('INVALID_INPUT', `role correction: ${named.length} devices are named "${key}"; use the device id`);
    out[named[0]?.id ?? key] = role; // an unknown key is reported by applyRoleCorrections
  }
  return out;
}

/** "site-a.clab.yml" → "site-a": the file name without its (double) extension. */
const baseName = (fileName: string): string => fileName.replace(/\.(clab\.ya?ml|graphml|json|csv|ya?ml|xml)$/i, '').replace(/\.[^.]+$/, '');

export interface ImportOutcome {
  summary: TopologySummary;
  report: ImportReport;
  format: TopologyImportFormat;
  /** The role corrections applied, by device id. */
  corrections: Record<string, string>;
}


/** Progress units of an import job: reading the file is most of it, then building, storing, validating. */
const TOTAL = 100;
const READ_SHARE = 80;
const STEP: Record<'build' | 'store' | 'validate', number> = { build: 82, store: 90, validate: 95 };

/** Lets the event loop deliver progress (and a cancel) before the design is stored. */
const pause = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Smaller inputs are read in-process: a worker's start costs more than parsing them (~50 ms at this size). */
const IN_PROCESS_MAX_CHARS = 256 * 1024;

const megabytes = (chars: number): string => (chars / 1048576).toFixed(1);

/** Real networks in (GraphML, containerlab, NetBox, design JSON) and designs out (IaC, drawings). */
export class ExchangeService {
  constructor(
    private readonly projects: ProjectService,
    private readonly designs: DesignService,
    private readonly bus: EventBus,
  ) {}

  /**
   * Imports a network into a project. The file is read in a worker thread
   * (import-worker.ts), so the host keeps answering while a large network is
   * parsed; as a job (`job` given) it reports progress and stops on cancel.
   * Nothing is stored until the design is complete, so a refused or
   * cancelled import leaves the project as it was.
   */
  async importDesign(req: ImportRequest, job?: Pick<JobContext, 'signal' | 'progress'>): Promise<ImportOutcome> {
    const project = this.projects.writable(req.projectId);
    const detected = req.format ?? detectFormat(req.fileName, req.text);
    const format = (TOPOLOGY_IMPORT_FORMATS as readonly string[]).includes(detected ?? '') ? (detected as TopologyImportFormat) : undefined;
    if (format === undefined) {
      throw new AppError('INVALID_INPUT', `${req.fileName}: cannot tell its format${detected ? ` (${detected} holds demands, not a topology)` : ''}; choose one of ${TOPOLOGY_IMPORT_FORMATS.join(', ')}`);
    }
    const onProgress = (phase: ImportPhase, done: number, total: number): void => {
      if (job === undefined) return;
      if (phase === 'read') job.progress(Math.floor((READ_SHARE * done) / Math.max(1, total)), TOTAL, `reading ${req.fileName}: ${megabytes(done)} of ${megabytes(total)} MB`);
      else if (done < total) job.progress(STEP.build, TOTAL, 'building the design');
    };
    let result;
    try {
      const input = {
        text: req.text, fileName: req.fileName,
        ...(req.cables ? { cables: req.cables } : {}),
        ...(req.sites ? { sites: req.sites } : {}),
      };
      const chars = req.text.length + (req.cables?.text.length ?? 0) + (req.sites?.text.length ?? 0);
      result = chars <= IN_PROCESS_MAX_CHARS
        ? importTopology(format, input)
        : await importInWorker(format, input, { ...(job ? { signal: job.signal } : {}), onProgress });
    } catch (err) {
      if (job?.signal.aborted === true) throw abortError();
      throw new AppError(err instanceof ImportWorkerStopped ? 'INTERNAL' : 'INVALID_INPUT', (err as Error).message);
    }
    let topology = result.topology;
    const corrections = req.roles === undefined ? {} : byIdOrName(req.roles, topology.nodes);
    if (req.roles !== undefined) {
      try {
        topology = applyRoleCorrections(topology, corrections);
      } catch (err) {
        throw new AppError('INVALID_INPUT', (err as Error).message);
      }
    }
    const report = summariseReport(result.report);
    const validate = topology.nodes.length <= VALIDATE_ON_IMPORT_MAX_DEVICES;
    if (!validate) {
      report.dropped.push(
        `validation at import: ${topology.nodes.length.toLocaleString('en-US')} devices, more than the ${VALIDATE_ON_IMPORT_MAX_DEVICES.toLocaleString('en-US')} validated on import (it compares every pair of sites; see docs/limits.md)`,
      );
    }
    job?.progress(STEP.store, TOTAL, `storing ${topology.nodes.length.toLocaleString('en-US')} devices and ${topology.links.length.toLocaleString('en-US')} links`);
    await pause();
    // Last point to stop: past here the design is written in one transaction.
    if (job?.signal.aborted === true) throw abortError();
    const name = req.name ?? (topology.name && topology.name !== 'Untitled design' ? topology.name : baseName(req.fileName));
    const rec = project.transaction(() => {
      const r = project.topologies.insert({ name, topology: { ...topology, name }, source: 'imported' });
      project.audit.append('user', 'design.import', r.id, { file: req.fileName, format, report, ...(req.roles !== undefined ? { roleCorrections: corrections } : {}) });
      return r;
    });
    if (validate) {
      job?.progress(STEP.validate, TOTAL, 'validating');
      await pause();
      await this.designs.validate(req.projectId, rec.id);
    }
    this.bus.emit('project:changed', { projectId: req.projectId, what: 'designs' });
    const { topology: _t, cost: _c, softwareVersion: _v, ...summary } = rec;
    return { summary, report, format, corrections };
  }

  exportDesign(projectId: string, designId: string, format: TopologyExportFormat, options?: ExportOptions): { files: Record<string, string> } {
    const rec = this.projects.get(projectId).topologies.get(designId);
    return { files: exportTopology(format, rec.topology, options) };
  }
}
