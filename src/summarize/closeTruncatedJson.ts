/**
 * Completes JSON that was cut off mid-way (generation stopped at its token limit) but is otherwise
 * valid, as grammar-constrained output is: closes an open string, drops a dangling comma, gives a
 * dangling key a null value and closes open lists and objects. Returns undefined if it cannot.
 */
export function closeTruncatedJson(prefix: string): unknown {
	const closers: string[] = [];
	let inString = false;
	let escaped = false;
	for (const char of prefix) {
		if (inString) {
			if (escaped) escaped = false;
			else if (char === '\\') escaped = true;
			else if (char === '"') inString = false;
		} else if (char === '"') {
			inString = true;
		} else if (char === '{' || char === '[') {
			closers.push(char === '{' ? '}' : ']');
		} else if (char === '}' || char === ']') {
			closers.pop();
		}
	}
	let text = prefix;
	if (inString) text = `${escaped ? text.slice(0, -1) : text}"`;
	text = text.replace(/[\s,]+$/, '');
	if (text.endsWith(':')) text += 'null';
	const closing = closers.reverse().join('');
	for (const candidate of [text + closing, `${text}:null${closing}`]) {
		try {
			return JSON.parse(candidate) as unknown;
		} catch {
			// try the next completion
		}
	}
	return undefined;
}
