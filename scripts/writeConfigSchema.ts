/** Writes docs/precis.schema.json from the config schema: `npm run config-schema`. */
import {writeFileSync} from 'node:fs';
import {createConfigJsonSchema} from '../src/config/createConfigJsonSchema.js';

writeFileSync(new URL('../docs/precis.schema.json', import.meta.url), `${JSON.stringify(createConfigJsonSchema(), null, '\t')}\n`);
