import type {ResolvedConfig} from '../config/schema.js';

type _LogFormat = ResolvedConfig['log']['format'];

let _format: _LogFormat = 'text';

/**
 * The format the CLI prints a fatal error in: text until a command has resolved its config, then
 * the config's `log.format`, so that a service logging JSON also gets its last error as JSON.
 */
export const fatalErrorFormat = {
	get: (): _LogFormat => _format,
	set: (format: _LogFormat): void => {
		_format = format;
	},
};
