import { create } from 'zustand';
import type { ProjectInfo, TopologySummary } from '../../src-shared/model/records';
import { ApiError, call } from '../api/client';

export interface JobView {
  label: string;
  done: number;
  total: number;
  /** When the job began (Date.now()): the bar shows how long it has run and about how long is left. */
  startedAt: number;
  cancel: () => void;
}

/** App-wide session state (not the canvas: each canvas has its own store). */
/** Which screen of an open project is showing. */
export type ProjectScreen = 'design' | 'wizard' | 'import' | 'compare' | 'options' | 'learn' | 'optimise' | 'capacity' | 'pricebook' | 'present';

export interface SessionState {
  screen: ProjectScreen;
  /** Designs picked for side-by-side comparison (2–4). */
  compareIds: string[];
  /** A non-error message for the user (e.g. a design was reloaded after a conflict). */
  notice: string | null;
  helpOpen: boolean;
  theme: 'dark' | 'light';
  setScreen: (s: ProjectScreen) => void;
  setCompareIds: (ids: string[]) => void;
  setNotice: (m: string | null) => void;
  setHelpOpen: (open: boolean) => void;
  setTheme: (t: 'dark' | 'light') => void;
  project: ProjectInfo | null;
  designs: TopologySummary[];
  selectedDesignId: string | null;
  job: JobView | null;
  error: string | null;
  openProject: (id: string, designId?: string | null) => Promise<void>;
  closeProject: () => void;
  refreshDesigns: () => Promise<void>;
  selectDesign: (id: string | null) => void;
  setJob: (job: JobView | null) => void;
  setError: (message: string | null) => void;
}

const PLACE_KEY = 'nettwin.place';

/** Where the user was (project and design), so a reload returns there. */
export function rememberedPlace(): { projectId: string; designId: string | null } | null {
  try {
    const raw = sessionStorage.getItem(PLACE_KEY);
    return raw === null ? null : (JSON.parse(raw) as { projectId: string; designId: string | null });
  } catch {
    return null;
  }
}

function remember(projectId: string | null, designId: string | null): void {
  if (projectId === null) sessionStorage.removeItem(PLACE_KEY);
  else sessionStorage.setItem(PLACE_KEY, JSON.stringify({ projectId, designId }));
}

/**
 * Opens a project; when another NetTwin holds it, says who and offers a
 * read-only view instead (null when the user declines).
 */
async function openOrOfferReadOnly(id: string): Promise<ProjectInfo | null> {
  try {
    return await call('project:open', { id });
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'LOCKED') throw err;
    if (!window.confirm(`${err.message}.\n\nOpen a read-only view of it?`)) return null;
    return call('project:open', { id, readOnly: true });
  }
}

/**
 * Tells the back end the page has left a project, so its file is closed and
 * its lock released (another NetTwin may open it). A later call reopens it.
 */
function release(id: string): void {
  call('project:close', { id }).catch(() => undefined);
}

/*
 * Leaving the page (closing the tab or window, reloading, navigating away)
 * leaves the project too: its lock is released at once, best-effort. The
 * hosts release it as well when the window or the page's connection goes
 * away, for when this call does not get through.
 */
function releaseOnLeave(): void {
  const open = useSession.getState().project;
  if (open !== null) release(open.id);
}

export const useSession = create<SessionState>()((set, get) => ({
  screen: 'design',
  compareIds: [],
  notice: null,
  helpOpen: false,
  theme: 'dark',
  setScreen: (screen) => set({ screen }),
  setCompareIds: (compareIds) => set({ compareIds: compareIds.slice(0, 4) }),
  setNotice: (notice) => set({ notice }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setTheme: (theme) => set({ theme }),
  project: null,
  designs: [],
  selectedDesignId: null,
  job: null,
  error: null,
  openProject: async (id, designId) => {
    try {
      const project = await openOrOfferReadOnly(id);
      if (project === null) return;
      const designs = await call('design:list', { projectId: project.id });
      const wanted = designs.some((d) => d.id === designId) ? designId! : (designs.at(-1)?.id ?? null);
      const left = get().project;
      if (left !== null && left.id !== project.id) release(left.id);
      set({ project, designs, selectedDesignId: wanted, error: null, screen: designs.length === 0 ? 'wizard' : 'design', compareIds: [] });
      remember(project.id, wanted);
    } catch (err) {
      set({ error: (err as Error).message });
    }
  },
  closeProject: () => {
    const left = get().project;
    if (left !== null) release(left.id);
    remember(null, null);
    set({ project: null, designs: [], selectedDesignId: null, screen: 'design', compareIds: [] });
  },
  refreshDesigns: async () => {
    const project = get().project;
    if (!project) return;
    const designs = await call('design:list', { projectId: project.id });
    const still = designs.some((d) => d.id === get().selectedDesignId);
    set({ designs, selectedDesignId: still ? get().selectedDesignId : (designs.at(-1)?.id ?? null) });
  },
  selectDesign: (id) => {
    remember(get().project?.id ?? null, id);
    set({ selectedDesignId: id, screen: 'design' });
  },
  setJob: (job) => set({ job }),
  setError: (error) => set({ error }),
}));

if (typeof window !== 'undefined') window.addEventListener('pagehide', releaseOnLeave);
