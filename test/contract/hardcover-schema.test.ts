import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isRequiredArgument,
  isRequiredInputField,
  isScalarType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { HARDCOVER_SDL, hardcoverSchema } from '../../sandbox/hardcover/schema/schema.ts';
import { hardcoverSpecsAvailable, vendorHardcoverSchema } from './hardcover-validate.ts';

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'object';
  if (isInputObjectType(type)) return 'input';
  if (isEnumType(type)) return 'enum';
  if (isScalarType(type)) return 'scalar';
  return 'other';
}

function compareArgs(
  where: string,
  ours: readonly GraphQLArgument[],
  theirs: readonly GraphQLArgument[],
): string[] {
  const problems: string[] = [];
  const vendorArgs = new Map(theirs.map((a) => [a.name, a]));
  for (const arg of ours) {
    const match = vendorArgs.get(arg.name);
    if (!match) problems.push(`${where}(${arg.name}:) is not in the vendor schema`);
    else if (String(match.type) !== String(arg.type))
      problems.push(`${where}(${arg.name}:) is ${arg.type}, vendor has ${match.type}`);
  }
  const ourNames = new Set(ours.map((a) => a.name));
  for (const arg of theirs) {
    if (isRequiredArgument(arg) && !ourNames.has(arg.name))
      problems.push(`${where}(${arg.name}:) is required by the vendor but missing here`);
  }
  return problems;
}

function compareFields(
  typeName: string,
  ours: Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>,
  theirs: Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>,
): string[] {
  const problems: string[] = [];
  for (const [name, field] of Object.entries(ours)) {
    const match = theirs[name];
    if (!match) {
      problems.push(`${typeName}.${name} is not in the vendor schema`);
      continue;
    }
    if (String(match.type) !== String(field.type))
      problems.push(`${typeName}.${name} is ${field.type}, vendor has ${match.type}`);
    if ('args' in field && 'args' in match)
      problems.push(...compareArgs(`${typeName}.${name}`, field.args, match.args));
  }
  return problems;
}

/** Every type, field, argument, input field and enum value we declare, checked against the vendor's. */
function subsetProblems(ours: GraphQLSchema, vendor: GraphQLSchema): string[] {
  const problems: string[] = [];
  if (ours.getQueryType()?.name !== vendor.getQueryType()?.name) problems.push('query root name differs');
  if (ours.getMutationType()?.name !== vendor.getMutationType()?.name)
    problems.push('mutation root name differs');
  for (const type of Object.values(ours.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    const match = vendor.getType(type.name);
    if (!match) {
      problems.push(`type ${type.name} is not in the vendor schema`);
      continue;
    }
    if (kindOf(match) !== kindOf(type)) {
      problems.push(`type ${type.name} is a ${kindOf(type)}, vendor has a ${kindOf(match)}`);
      continue;
    }
    if (isObjectType(type) && isObjectType(match))
      problems.push(...compareFields(type.name, type.getFields(), match.getFields()));
    if (isInputObjectType(type) && isInputObjectType(match)) {
      problems.push(...compareFields(type.name, type.getFields(), match.getFields()));
      const ourFields = type.getFields();
      for (const field of Object.values(match.getFields())) {
        if (isRequiredInputField(field) && !ourFields[field.name])
          problems.push(`${type.name}.${field.name} is required by the vendor but missing here`);
      }
    }
    if (isEnumType(type) && isEnumType(match)) {
      const vendorValues = new Set(match.getValues().map((v) => v.name));
      for (const value of type.getValues()) {
        if (!vendorValues.has(value.name))
          problems.push(`enum ${type.name}.${value.name} is not in the vendor schema`);
      }
    }
  }
  return problems;
}

describe.skipIf(!hardcoverSpecsAvailable)(
  'contract: Hardcover schema subset agrees with the vendor SDL',
  () => {
    it('declares only types, fields, arguments and values that the vendor has, with the same types', () => {
      expect(subsetProblems(hardcoverSchema(), vendorHardcoverSchema())).toEqual([]);
    });

    it('covers the fields the books bridge needs', () => {
      const query = hardcoverSchema().getQueryType()?.getFields() ?? {};
      for (const name of [
        'me',
        'user_books',
        'user_book_reads',
        'editions',
        'editions_by_pk',
        'books',
        'search',
      ])
        expect(query[name], name).toBeDefined();
      expect(String(query.me?.type)).toBe('[users!]!');
      const mutation = hardcoverSchema().getMutationType()?.getFields() ?? {};
      for (const name of [
        'insert_user_book',
        'update_user_book',
        'delete_user_book',
        'insert_user_book_read',
        'update_user_book_read',
        'delete_user_book_read',
        'upsert_user_book_reads',
      ])
        expect(mutation[name], name).toBeDefined();
    });

    it('finds a deliberate mismatch (the comparison is not vacuous)', () => {
      const altered = buildSchema(
        HARDCOVER_SDL.replace('  read_count: Int!\n', '  read_count: Int\n').replace(
          'type reading_formats {',
          'type reading_formats {\n  invented_field: String',
        ),
      );
      const problems = subsetProblems(altered, vendorHardcoverSchema());
      expect(problems).toContain('user_books.read_count is Int, vendor has Int!');
      expect(problems).toContain('reading_formats.invented_field is not in the vendor schema');
    });
  },
);
