import { AppError } from '../../src-shared/contract/result';
import { detectFormat } from '../../src-shared/io/detect';
import {
  exportTopology,
  importTopology,
  TOPOLOGY_IMPORT_FORMATS,
  type TopologyExportFormat,
  type TopologyImportFormat,
} from '../../src-shared/io/formats';
import type { ImportReport } from '../../src-shared/io/report';
import { applyRoleCorrections } from '../../src-shared/io/roles';
import type { TopologySummary } from '../../src-shared/model/records';
import type { DeviceRole } from '../../src-shared/model/topology';
import type { DesignService } from './designs';
import type { EventBus } from './events';
import type { ProjectService } from './projects';

export interface ImportRequest {
  projectId: string;
  fileName: string;
  text: string;
  format?: TopologyImportFormat | undefined;
  cables?: { fileName: string; text: string } | undefined;
  sites?: { fileName: string; text: string } | undefined;
  roles?: Record<string, DeviceRole> | undefined;
}

/** Real networks in (GraphML, containerlab, NetBox, design JSON) and designs out (IaC, drawings). */
export class ExchangeService {
  constructor(
    private readonly projects: ProjectService,
    private readonly designs: DesignService,
    private readonly bus: EventBus,
  ) {}

  importDesign(req: ImportRequest): { summary: TopologySummary; report: ImportReport; format: TopologyImportFormat } {
    const project = this.projects.writable(req.projectId);
    const detected = req.format ?? detectFormat(req.fileName, req.text);
    const format = (TOPOLOGY_IMPORT_FORMATS as readonly string[]).includes(detected ?? '') ? (detected as TopologyImportFormat) : undefined;
    if (format === undefined) {
      throw new AppError('INVALID_INPUT', `${req.fileName}: cannot tell its format${detected ? ` (${detected} holds demands, not a topology)` : ''}; choose one of ${TOPOLOGY_IMPORT_FORMATS.join(', ')}`);
    }
    let result;
    try {
      result = importTopology(format, {
        text: req.text, fileName: req.fileName,
        ...(req.cables ? { cables: req.cables } : {}),
        ...(req.sites ? { sites: req.sites } : {}),
      });
    } catch (err) {
      throw new AppError('INVALID_INPUT', (err as Error).message);
    }
    let topology = result.topology;
    if (req.roles !== undefined) {
      try {
        topology = applyRoleCorrections(topology, req.roles);
      } catch (err) {
        throw new AppError('INVALID_INPUT', (err as Error).message);
      }
    }
    const name = topology.name && topology.name !== 'Untitled design' ? topology.name : req.fileName.replace(/\.[^.]+$/, '');
    const rec = project.transaction(() => {
      const r = project.topologies.insert({ name, topology, source: 'imported' });
      project.audit.append('user', 'design.import', r.id, { file: req.fileName, format, report: result.report });
      return r;
    });
    this.designs.validate(req.projectId, rec.id);
    this.bus.emit('project:changed', { projectId: req.projectId, what: 'designs' });
    const { topology: _t, cost: _c, softwareVersion: _v, ...summary } = rec;
    return { summary, report: result.report, format };
  }

  exportDesign(projectId: string, designId: string, format: TopologyExportFormat): { files: Record<string, string> } {
    const rec = this.projects.get(projectId).topologies.get(designId);
    return { files: exportTopology(format, rec.topology) };
  }
}
