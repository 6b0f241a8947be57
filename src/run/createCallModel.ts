import {setImmediate} from 'node:timers/promises';
import type PQueue from 'p-queue';
import type {CompletionResult, Engine} from '../engine/Engine.js';
import type {CallModel, ModelCallRequest} from '../summarize/summarizeDocument.js';
import type {Store} from '../store/Store.js';
import {hashJson} from './hashJson.js';

export interface CallModelContext {
	engine: Engine;
	store: Store;
	queue: PQueue;
	runId: number;
	/** Ignore cached calls, and replace them with the fresh outputs. */
	force: boolean;
	/** Queue priority: calls of earlier documents go first, so started documents finish first. */
	priority: number;
	/** Aborts calls still queued. */
	intakeSignal: AbortSignal;
	/** Aborts calls in flight. */
	callSignal: AbortSignal;
	onCall: (call: {kind: ModelCallRequest['kind']; level: number; promptTokens: number; cachedPromptTokens: number; outputTokens: number; durationMs: number; cached: boolean}) => void;
}

/** The cache key of a call: exactly what determines its output. */
export function getCallCacheKey(engineId: string, request: ModelCallRequest): string {
	const {messages, maxTokens, temperature, seed, jsonSchema} = request;
	return hashJson({engineId, messages, maxTokens, temperature, seed: temperature > 0 ? seed : null, jsonSchema: jsonSchema ?? null});
}

/**
 * A CallModel that answers from the checkpoint store when it can, and otherwise queues the call
 * on the engine and commits its output the moment it returns: a killed run loses only calls in flight.
 */
export function createCallModel(context: CallModelContext): CallModel {
	const {engine, store, queue, runId} = context;
	return async request => {
		const key = getCallCacheKey(engine.id, request);
		const cached = context.force ? undefined : store.getCachedCall(key);
		if (cached !== undefined) {
			context.onCall({kind: request.kind, level: request.level, promptTokens: cached.promptTokens, cachedPromptTokens: cached.promptTokens, outputTokens: cached.outputTokens, durationMs: 0, cached: true});
			return {text: cached.output, outputTokens: cached.outputTokens, cached: true};
		}
		const result = await new Promise<CompletionResult>((resolve, reject) => {
			queue.add(async () => {
				try {
					resolve(await engine.complete({
						messages: request.messages,
						maxTokens: request.maxTokens,
						temperature: request.temperature,
						seed: request.seed,
						...(request.jsonSchema === undefined ? {} : {jsonSchema: request.jsonSchema}),
						signal: context.callSignal,
					}));
				} catch (error) {
					reject(error);
					return;
				}
				// The caller's next call (a document's reduce, once its last map returns) is queued while the
				// slot is still held, so it goes next, ahead of another document's map, onto the sequence
				// that holds the same prompt prefix.
				await setImmediate();
			}, {priority: context.priority, signal: _queuedSignal(context.intakeSignal, request.signal)}).catch(reject);
		});
		store.putCall({key, output: result.text, promptTokens: result.promptTokens, outputTokens: result.outputTokens, durationMs: Math.round(result.durationMs), runId}, {replace: context.force});
		context.onCall({kind: request.kind, level: request.level, promptTokens: result.promptTokens, cachedPromptTokens: result.cachedPromptTokens ?? 0, outputTokens: result.outputTokens, durationMs: result.durationMs, cached: false});
		return {text: result.text, outputTokens: result.outputTokens, cached: false};
	};
}

/** A queued call is dropped when the run stops taking work, or when its document gave up (another of its calls failed). */
function _queuedSignal(intake: AbortSignal, document: AbortSignal | undefined): AbortSignal {
	return document === undefined ? intake : AbortSignal.any([intake, document]);
}
