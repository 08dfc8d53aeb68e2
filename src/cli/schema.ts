// Writes scenarios/scenario.schema.json from the Zod schema: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../scenario/schema.ts';

/** The committed JSON Schema's text, exactly as this build generates it. */
export function schemaFileText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync('scenarios/scenario.schema.json', schemaFileText());
  console.log('wrote scenarios/scenario.schema.json');
}
