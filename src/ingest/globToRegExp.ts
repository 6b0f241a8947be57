/**
 * Compiles a glob into a RegExp over `/`-separated relative paths: `**` spans folders, `*` and `?`
 * stay within one name, `[...]` is a character class. A pattern without `/` matches a name at any depth.
 */
export function globToRegExp(glob: string): RegExp {
	let source = '';
	for (let index = 0; index < glob.length; index++) {
		const char = glob[index] ?? '';
		if (char === '*' && glob[index + 1] === '*') {
			const slashAfter = glob[index + 2] === '/';
			source += slashAfter ? '(?:.*/)?' : '.*';
			index += slashAfter ? 2 : 1;
		} else if (char === '*') {
			source += '[^/]*';
		} else if (char === '?') {
			source += '[^/]';
		} else if (char === '[') {
			const close = glob.indexOf(']', index + 1);
			if (close === -1) {
				source += '\\[';
			} else {
				source += `[${glob.slice(index + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
				index = close;
			}
		} else {
			source += char.replace(/[.+^${}()|\\]/g, '\\$&');
		}
	}
	return new RegExp(glob.includes('/') ? `^${source}$` : `(?:^|/)${source}$`);
}
