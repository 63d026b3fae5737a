import { create } from 'zustand';
import type { ProjectInfo, TopologySummary } from '../../src-shared/model/records';
import { call } from '../api/client';

export interface JobView {
  label: string;
  done: number;
  total: number;
  cancel: () => void;
}

/** App-wide session state (not the canvas: each canvas has its own store). */
export interface SessionState {
  project: ProjectInfo | null;
  designs: TopologySummary[];
  selectedDesignId: string | null;
  job: JobView | null;
  error: string | null;
  openProject: (id: string) => Promise<void>;
  closeProject: () => void;
  refreshDesigns: () => Promise<void>;
  selectDesign: (id: string | null) => void;
  setJob: (job: JobView | null) => void;
  setError: (message: string | null) => void;
}

export const useSession = create<SessionState>()((set, get) => ({
  project: null,
  designs: [],
  selectedDesignId: null,
  job: null,
  error: null,
  openProject: async (id) => {
    try {
      const project = await call('project:open', { id });
      const designs = await call('design:list', { projectId: project.id });
      set({ project, designs, selectedDesignId: designs.at(-1)?.id ?? null, error: null });
    } catch (err) {
      set({ error: (err as Error).message });
    }
  },
  closeProject: () => set({ project: null, designs: [], selectedDesignId: null }),
  refreshDesigns: async () => {
    const project = get().project;
    if (!project) return;
    const designs = await call('design:list', { projectId: project.id });
    const still = designs.some((d) => d.id === get().selectedDesignId);
    set({ designs, selectedDesignId: still ? get().selectedDesignId : (designs.at(-1)?.id ?? null) });
  },
  selectDesign: (id) => set({ selectedDesignId: id }),
  setJob: (job) => set({ job }),
  setError: (error) => set({ error }),
}));
