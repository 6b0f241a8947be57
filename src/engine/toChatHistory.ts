import type {ChatHistoryItem} from 'node-llama-cpp';
import type {ChatMessage} from './Engine.js';

/** Our messages as node-llama-cpp chat history; `openModelTurn` adds the empty model turn a generation writes into. */
export function toChatHistory(messages: readonly ChatMessage[], openModelTurn = false): ChatHistoryItem[] {
	const history = messages.map((message): ChatHistoryItem => {
		if (message.role === 'system') return {type: 'system', text: message.content};
		if (message.role === 'user') return {type: 'user', text: message.content};
		return {type: 'model', response: [message.content]};
	});
	if (openModelTurn && history.at(-1)?.type !== 'model') history.push({type: 'model', response: []});
	return history;
}
