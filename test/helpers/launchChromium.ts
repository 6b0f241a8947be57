import {existsSync} from 'node:fs';
import {chromium, type Browser} from 'playwright-core';

const _candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The system's Chromium (Debian's `chromium` package; `PRECIS_CHROMIUM` overrides), or undefined when there is none. */
export function findChromium(): string | undefined {
	const wanted = process.env['PRECIS_CHROMIUM'];
	if (wanted !== undefined && wanted !== '') return wanted;
	return _candidates.find(candidate => existsSync(candidate));
}

/** Starts the system's headless Chromium through playwright-core (no browser download). */
export async function launchChromium(executablePath: string): Promise<Browser> {
	return chromium.launch({executablePath, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage']});
}
