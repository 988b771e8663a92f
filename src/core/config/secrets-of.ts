import { type Config, structureSchema } from './schema.ts';
import { isSecretSchema, visitObjects } from './schema-walk.ts';

/** Every secret value in a loaded config, for redacting logs and error output. */
export function secretsOf(config: Config): string[] {
  const found = new Set<string>();
  visitObjects(structureSchema, config, (shape, holder) => {
    for (const [key, child] of Object.entries(shape)) {
      const value = holder[key];
      // A loaded secret is never empty: the schema wants at least one character.
      if (typeof value === 'string' && isSecretSchema(child)) found.add(value);
    }
  });
  return [...found];
}
