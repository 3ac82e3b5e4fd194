import { z } from 'zod';

/**
 * The least an activity must look like before it reaches the adapter. Bodies that fail are the
 * caller's fault (400), not ours (500). Unknown fields pass through: Teams adds new ones.
 */
export const activityEnvelope = z
  .object({
    type: z.string().min(1).max(100),
    id: z.string().max(1024).optional(),
    serviceUrl: z.string().max(2048).optional(),
    locale: z.string().max(100).optional(),
    text: z.string().optional(),
    conversation: z.looseObject({ id: z.string().min(1).max(1024) }).optional(),
    from: z.looseObject({ id: z.string().max(1024) }).optional(),
    recipient: z.looseObject({ id: z.string().max(1024) }).optional(),
  })
  .loose();
