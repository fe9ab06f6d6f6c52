/**
 * One model call that must produce data: the request carries a strict JSON schema made from a zod schema, the reply
 * is parsed and validated again with zod and then checked by the caller (e.g. quotes must be in the answer). A reply
 * that fails (bad JSON, wrong shape, refusal, failed check) is retried once, with the problem in a follow-up
 * message; transport faults are not, because the SDK has already retried them (with Retry-After honoured).
 */
import { APIConnectionTimeoutError, APIError, APIUserAbortError, RateLimitError, type OpenAI } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import { addUsage, zeroUsage } from '../usage.js';
import type { FailureReason, TokenUsage } from '../types.js';
import { retryMessage } from './prompts/common.js';

export interface ModelSettings {
  client: OpenAI;
  model: string;
  /** Sent with every call, with temperature 0, so a server that supports it gives repeatable output. */
  seed: number;
}

export interface StructuredRequest<T> {
  /** Names the JSON schema for the model, e.g. "answer_score". */
  schemaName: string;
  schema: z.ZodType<T>;
  messages: ChatCompletionMessageParam[];
  /** Problems with a reply that has the right shape; each is safe to log (no candidate text). */
  check?: (value: T) => string[];
  signal?: AbortSignal;
}

export type StructuredOutcome<T> =
  { ok: true; value: T; usage: TokenUsage } | { ok: false; reason: FailureReason; error: string; usage: TokenUsage };

type Reading<T> =
  { ok: true; value: T } | { ok: false; reason: 'invalid_output' | 'refused'; problem: string; said: string };

export async function callStructured<T>(
  settings: ModelSettings,
  request: StructuredRequest<T>,
): Promise<StructuredOutcome<T>> {
  let messages = request.messages;
  let usage = zeroUsage();
  let last: Extract<Reading<T>, { ok: false }> | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const sent = await send(settings, request, messages);
    if (!sent.ok) return { ...sent, usage };
    usage = addUsage(usage, usageOf(sent.completion));
    const reading = readReply(sent.completion, request);
    if (reading.ok) return { ok: true, value: reading.value, usage };
    last = reading;
    messages = [
      ...messages,
      { role: 'assistant', content: reading.said },
      { role: 'user', content: retryMessage(reading.problem) },
    ];
  }
  return { ok: false, reason: last?.reason ?? 'invalid_output', error: last?.problem ?? 'no usable reply', usage };
}

type Sent = { ok: true; completion: ChatCompletion } | { ok: false; reason: FailureReason; error: string };

async function send<T>(
  settings: ModelSettings,
  request: StructuredRequest<T>,
  messages: ChatCompletionMessageParam[],
): Promise<Sent> {
  try {
    const completion = await settings.client.chat.completions.create(
      {
        model: settings.model,
        messages,
        temperature: 0,
        seed: settings.seed,
        response_format: zodResponseFormat(request.schema, request.schemaName),
      },
      { signal: request.signal },
    );
    return { ok: true, completion };
  } catch (err) {
    if (request.signal?.aborted) throw request.signal.reason;
    if (err instanceof APIUserAbortError) throw err;
    return { ok: false, ...describeTransportError(err) };
  }
}

/** The SDK's errors, reduced to a reason and a message without request or response bodies. */
export function describeTransportError(err: unknown): { reason: FailureReason; error: string } {
  if (err instanceof APIConnectionTimeoutError) return { reason: 'timeout', error: 'the model call timed out' };
  if (err instanceof RateLimitError)
    return { reason: 'rate_limited', error: 'the provider kept answering 429 (rate limited)' };
  if (err instanceof APIError) {
    const status = err.status === undefined ? 'no HTTP status' : `HTTP ${err.status}`;
    return { reason: 'provider_error', error: `the provider call failed (${status})` };
  }
  return {
    reason: 'provider_error',
    error: `the provider call failed (${err instanceof Error ? err.name : 'unknown error'})`,
  };
}

function readReply<T>(completion: ChatCompletion, request: StructuredRequest<T>): Reading<T> {
  const choice = completion.choices[0];
  const message = choice?.message;
  if (!choice || !message)
    return { ok: false, reason: 'invalid_output', problem: 'the reply had no message', said: '' };
  if (message.refusal)
    return { ok: false, reason: 'refused', problem: 'the model refused to answer', said: message.refusal };
  if (choice.finish_reason === 'content_filter')
    return {
      ok: false,
      reason: 'refused',
      problem: 'the reply was stopped by a content filter',
      said: message.content ?? '',
    };
  const content = message.content ?? '';
  if (choice.finish_reason === 'length')
    return {
      ok: false,
      reason: 'invalid_output',
      problem: 'the reply was cut off before the JSON ended',
      said: content,
    };
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    // JSON.parse's own message quotes the content, which may quote the candidate; say only what went wrong.
    return { ok: false, reason: 'invalid_output', problem: 'the reply was not valid JSON', said: content };
  }
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return {
      ok: false,
      reason: 'invalid_output',
      problem: `the reply did not match the schema (${issues.join('; ')})`,
      said: content,
    };
  }
  const problems = request.check?.(parsed.data) ?? [];
  if (problems.length > 0) return { ok: false, reason: 'invalid_output', problem: problems.join('; '), said: content };
  return { ok: true, value: parsed.data };
}

function usageOf(completion: ChatCompletion): TokenUsage {
  const usage = completion.usage;
  return {
    calls: 1,
    promptTokens: usage?.prompt_tokens ?? 0,
    cachedPromptTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
    completionTokens: usage?.completion_tokens ?? 0,
  };
}
