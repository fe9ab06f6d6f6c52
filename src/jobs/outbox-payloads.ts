/** The shapes of outbox payloads, read back by whoever delivers them (the in-process dispatcher, the worker). */
import { z } from 'zod';

export const recipientSchema = z.discriminatedUnion('to', [
  z.object({ to: z.literal('candidate') }),
  z.object({ to: z.literal('recruiter') }),
  z.object({ to: z.literal('user'), userId: z.string() }),
]);

export const sendMessagePayloadSchema = z.object({ recipient: recipientSchema, text: z.string() });
