/**
 * A small validator for the OpenAPI 3.0 schema subset SoundCloud's api.yaml uses: $ref, type,
 * nullable, enum, required, properties, items, allOf, oneOf, anyOf. Formats, descriptions and
 * examples are not checked (the vendor's own examples send "2019/01/15 15:40:49 +0000" where the
 * schema says date-time). It also lists keys a body has that the schema does not declare, so a
 * misspelt field cannot hide behind the spec's all-optional properties.
 */
export type Schema = { [key: string]: unknown };

interface OpenApiDocument {
  components: { schemas: Record<string, Schema> };
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function typeMatches(type: unknown, value: unknown): boolean {
  switch (type) {
    case undefined:
      return true;
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return false;
  }
}

export class OpenApiSchemas {
  private readonly doc: OpenApiDocument;

  constructor(doc: unknown) {
    if (!isObject(doc) || !isObject(doc.components) || !isObject(doc.paths))
      throw new Error('not an OpenAPI document');
    this.doc = doc as unknown as OpenApiDocument;
  }

  named(name: string): Schema {
    const schema = this.doc.components.schemas[name];
    if (!schema) throw new Error(`no schema ${name}`);
    return schema;
  }

  /** Response statuses the spec declares for an operation, e.g. ("/playlists", "post") → ["201", …]. */
  declaredStatuses(path: string, method: string): string[] {
    return Object.keys(this.doc.paths[path]?.[method]?.responses ?? {});
  }

  private resolve(schema: Schema): Schema {
    let current = schema;
    for (let depth = 0; typeof current.$ref === 'string'; depth++) {
      if (depth > 20) throw new Error('$ref loop');
      const name = /^#\/components\/schemas\/(.+)$/.exec(current.$ref as string)?.[1];
      if (!name) throw new Error(`unsupported $ref ${String(current.$ref)}`);
      current = this.named(name);
    }
    return current;
  }

  /** Problems found, one line each with a JSON path; empty when the value conforms. */
  validate(value: unknown, schemaOrName: Schema | string, path = '$'): string[] {
    const schema = this.resolve(typeof schemaOrName === 'string' ? this.named(schemaOrName) : schemaOrName);
    const problems: string[] = [];
    for (const branch of (schema.allOf as Schema[] | undefined) ?? [])
      problems.push(...this.validate(value, branch, path));
    if (Array.isArray(schema.oneOf)) {
      const passing = (schema.oneOf as Schema[]).filter(
        (branch) => this.validate(value, branch, path).length === 0,
      );
      if (passing.length !== 1)
        problems.push(`${path}: matches ${passing.length} oneOf branches, not exactly 1`);
    }
    if (Array.isArray(schema.anyOf)) {
      const passing = (schema.anyOf as Schema[]).some(
        (branch) => this.validate(value, branch, path).length === 0,
      );
      if (!passing) problems.push(`${path}: matches no anyOf branch`);
    }
    if (value === null) {
      if (schema.type !== undefined && schema.nullable !== true)
        problems.push(`${path}: null where ${String(schema.type)}`);
      return problems;
    }
    if (!typeMatches(schema.type, value)) {
      problems.push(`${path}: expected ${String(schema.type)}, got ${JSON.stringify(value)?.slice(0, 60)}`);
      return problems;
    }
    if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
      problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
    }
    if (isObject(value)) {
      for (const key of (schema.required as string[] | undefined) ?? []) {
        if (!(key in value)) problems.push(`${path}: missing required ${key}`);
      }
      const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
      for (const [key, child] of Object.entries(properties)) {
        if (key in value) problems.push(...this.validate(value[key], child, `${path}.${key}`));
      }
    }
    if (Array.isArray(value) && isObject(schema.items)) {
      value.forEach((item, index) => {
        problems.push(...this.validate(item, schema.items as Schema, `${path}[${index}]`));
      });
    }
    return problems;
  }

  /** Properties a schema (with its allOf branches) declares, each with its own schema. */
  private declared(schema: Schema): Map<string, Schema> {
    const resolved = this.resolve(schema);
    const out = new Map<string, Schema>();
    for (const branch of (resolved.allOf as Schema[] | undefined) ?? []) {
      for (const [key, child] of this.declared(branch)) out.set(key, child);
    }
    for (const [key, child] of Object.entries(
      (resolved.properties as Record<string, Schema> | undefined) ?? {},
    )) {
      out.set(key, child);
    }
    return out;
  }

  /** JSON paths of keys the value has but the schema does not declare. */
  undeclaredKeys(value: unknown, schemaOrName: Schema | string, path = '$'): string[] {
    const schema = this.resolve(typeof schemaOrName === 'string' ? this.named(schemaOrName) : schemaOrName);
    if (Array.isArray(schema.oneOf)) {
      const branch = (schema.oneOf as Schema[]).find(
        (candidate) => this.validate(value, candidate).length === 0,
      );
      return branch ? this.undeclaredKeys(value, branch, path) : [];
    }
    if (Array.isArray(value)) {
      const items = schema.items as Schema | undefined;
      return items
        ? value.flatMap((item, index) => this.undeclaredKeys(item, items, `${path}[${index}]`))
        : [];
    }
    if (!isObject(value)) return [];
    const declared = this.declared(schema);
    if (declared.size === 0) return [];
    return Object.entries(value).flatMap(([key, child]) => {
      const childSchema = declared.get(key);
      return childSchema ? this.undeclaredKeys(child, childSchema, `${path}.${key}`) : [`${path}.${key}`];
    });
  }
}
