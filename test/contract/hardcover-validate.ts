/**
 * Validates GraphQL documents against Hardcover's own published schema (../shared/specs), plus the
 * operators Hardcover disables. Contract tests use it for every document our client sends; callers
 * skip by name when `hardcoverSpecsAvailable` is false.
 */
import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, GraphQLError, type GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import { DisabledOperatorsRule } from '../../sandbox/hardcover/graphql/hasura-errors.ts';

export const sharedSpecs = new URL('../../../shared/specs/', import.meta.url);
const vendorSdl = new URL('hardcover/schema.graphql', sharedSpecs);

export const hardcoverSpecsAvailable = existsSync(vendorSdl);

let vendor: GraphQLSchema | undefined;

export function vendorHardcoverSchema(): GraphQLSchema {
  vendor ??= buildSchema(readFileSync(vendorSdl, 'utf8'));
  return vendor;
}

/** Syntax and validation errors of `document` against the vendor schema; empty when it is valid. */
export function validateAgainstVendorSchema(document: string): readonly GraphQLError[] {
  let ast: ReturnType<typeof parse>;
  try {
    ast = parse(document);
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  return validate(vendorHardcoverSchema(), ast, [...specifiedRules, DisabledOperatorsRule]);
}
