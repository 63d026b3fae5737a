import { z } from 'zod';
import { ERROR_CODES } from './errors';

export { AppError, abortError, ERROR_CODES, toIpcError, type ErrorCode, type Result } from './errors';

export const IpcErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });

/** zod issues as one readable line: `field.path: problem; …`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ');
}
