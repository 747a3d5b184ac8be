/** The published JSON Schema of the dataset file, generated from the valibot definition. */
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { DatasetMetaSchema, IncidentRecordSchema, SCHEMA_VERSION } from './incident-schema.ts';

export const SCHEMA_FILE = 'static/incident.schema.json';

/**
 * Custom checks (real calendar dates, ISO country codes) have no JSON Schema equivalent and are
 * left out; `npm run validate` applies them.
 */
export function generateJsonSchema(): object {
  const file = v.strictObject({
    $schema: v.optional(v.string()),
    dataset: DatasetMetaSchema,
    incidents: v.array(IncidentRecordSchema),
  });
  const schema = toJsonSchema(file, { errorMode: 'ignore', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: `Incident Atlas dataset, record schema v${SCHEMA_VERSION}`,
    description:
      'A dataset file: metadata plus incident records. Dates are EDTF strings (2021, 2021-03, 2021-03-02, with ~ or ?); lngLat is [longitude, latitude].',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

export function formatJsonSchema(): string {
  return `${JSON.stringify(generateJsonSchema(), null, 2)}\n`;
}
