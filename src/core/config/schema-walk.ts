import { z } from 'zod';

/**
 * Reading the config schema's structure, so the env names, the `<key>_file` secrets, unknown-key
 * suggestions and `secretsOf` all follow the one schema instead of keeping their own lists.
 */

/** Marks a leaf as secret: it may be given as `<key>_file`, and its value is redacted everywhere. */
export const secretSchemas = new WeakSet<z.ZodType>();

export type PathSegment = string | number;

/** The schema inside one optional/default/transform wrapper, or undefined when `schema` is none. */
function unwrapOnce(schema: z.ZodType): z.ZodType | undefined {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodReadonly
  ) {
    return schema.unwrap() as z.ZodType;
  }
  return schema instanceof z.ZodPipe ? (schema.in as z.ZodType) : undefined;
}

/** Strips optional/default/transform wrappers down to the schema that checks the value's shape. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  const inner = unwrapOnce(schema);
  return inner ? unwrapSchema(inner) : schema;
}

export function isSecretSchema(schema: z.ZodType): boolean {
  if (secretSchemas.has(schema)) return true;
  const inner = unwrapOnce(schema);
  return inner ? isSecretSchema(inner) : false;
}

export function objectShape(schema: z.ZodType): Readonly<Record<string, z.ZodType>> | undefined {
  const inner = unwrapSchema(schema);
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : undefined;
}

export function arrayElement(schema: z.ZodType): z.ZodType | undefined {
  const inner = unwrapSchema(schema);
  return inner instanceof z.ZodArray ? (inner.element as z.ZodType) : undefined;
}

/** The schema that checks the value at `path`, or undefined when the path leaves the schema. */
export function schemaAt(root: z.ZodType, path: readonly PathSegment[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const segment of path) {
    if (typeof segment === 'number') current = current && arrayElement(current);
    else current = current && objectShape(current)?.[segment];
  }
  return current;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Calls `visit` for every object in `data` that the schema describes as an object, with that
 * object's shape; descends into nested objects and arrays of objects.
 */
export function visitObjects(
  schema: z.ZodType,
  data: unknown,
  visit: (
    shape: Readonly<Record<string, z.ZodType>>,
    value: Record<string, unknown>,
    path: PathSegment[],
  ) => void,
  path: PathSegment[] = [],
): void {
  const shape = objectShape(schema);
  if (shape && isPlainObject(data)) {
    visit(shape, data, path);
    for (const [key, child] of Object.entries(shape)) {
      visitObjects(child, data[key], visit, [...path, key]);
    }
    return;
  }
  const element = arrayElement(schema);
  if (element && Array.isArray(data)) {
    data.forEach((item, index) => {
      visitObjects(element, item, visit, [...path, index]);
    });
  }
}

/** `books.users[0].hardcover.token` */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text ? `.${String(segment)}` : String(segment);
  }
  return text;
}

/** The `.describe()` text of a field, looking through optional/default wrappers. */
export function descriptionOf(schema: z.ZodType): string | undefined {
  if (schema.description) return schema.description;
  const inner = unwrapOnce(schema);
  return inner ? descriptionOf(inner) : undefined;
}
