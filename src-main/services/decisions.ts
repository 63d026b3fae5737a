import type { DecisionRecord } from '../../src-shared/model/records';
import { DESIGN_CHOICE, isDesignChoice } from '../../src-shared/report/decision';
import type { ProjectService } from './projects';

/**
 * Choosing a design is a decision on record: who chose, why, when — the
 * slides and the decision pack present what was decided, not whatever design
 * happens to be selected on screen. Append-only, like every decision.
 */
export class DecisionService {
  constructor(private readonly projects: ProjectService) {}

  chooseDesign(input: { projectId: string; designId: string; actor: string; reason: string }): DecisionRecord {
    const project = this.projects.writable(input.projectId);
    const design = project.topologies.get(input.designId); // NOT_FOUND when it is not there
    return project.transaction(() => {
      const d = project.decisions.insert({ ...DESIGN_CHOICE, subjectId: design.id, actor: input.actor, reason: input.reason });
      project.audit.append(input.actor, 'design.chosen', design.id, { name: design.name, reason: input.reason });
      return d;
    });
  }

  /** Every decision choosing a design, oldest first. */
  designChoices(projectId: string): DecisionRecord[] {
    return this.projects.get(projectId).decisions.list().filter(isDesignChoice);
  }
}
