// Writes static/incident.schema.json from the valibot definition (src/lib/incident-schema.ts).
import { writeFileSync } from 'node:fs';
import { formatJsonSchema, SCHEMA_FILE } from '../src/lib/json-schema.ts';

writeFileSync(SCHEMA_FILE, formatJsonSchema());
console.log(`wrote ${SCHEMA_FILE}`);
