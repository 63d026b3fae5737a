import { z } from 'zod';
import type { EventName } from './channels';
import { IpcErrorSchema } from './result';

/** Main → renderer events (`area:happened`). */
export const events = {
  'job:progressed': z.object({
    jobId: z.string(),
    kind: z.string(),
    done: z.number(),
    total: z.number(),
    message: z.string(),
    /** A partial result streamed before the job ends (recommend:verified: RecommendPartialShape). */
    partial: z.unknown().optional(),
  }),
  'job:finished': z.object({
    jobId: z.string(),
    kind: z.string(),
    ok: z.boolean(),
    value: z.unknown().optional(),
    error: IpcErrorSchema.optional(),
  }),
  'project:changed': z.object({ projectId: z.string(), what: z.string() }),
  /** Electron menu actions the renderer carries out (New, Open…). */
  'menu:invoked': z.object({ command: z.string(), projectId: z.string().optional() }),
} satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type { EventName };
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
