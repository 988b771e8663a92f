import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ALL_DOCUMENTS } from '../../src/upstream/hardcover/all-documents.ts';
import { hardcoverSpecsAvailable, validateAgainstVendorSchema } from './hardcover-validate.ts';

describe.skipIf(!hardcoverSpecsAvailable)(
  'contract: every GraphQL document shelfsync sends to Hardcover',
  () => {
    it.each(ALL_DOCUMENTS.map((document) => [document.name, document] as const))(
      '%s validates against the vendor schema',
      (_name, document) => {
        expect(validateAgainstVendorSchema(document.text).map((error) => error.message)).toEqual([]);
      },
    );
  },
);

describe('Hardcover document metadata', () => {
  it.each(ALL_DOCUMENTS.map((document) => [document.name, document] as const))(
    '%s declares its name, kind and top-level field count (its cost in units)',
    (_name, document) => {
      const operations = parse(document.text).definitions.filter(
        (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
      );
      expect(operations).toHaveLength(1);
      const [operation] = operations;
      expect(operation?.name?.value).toBe(document.name);
      expect(operation?.operation).toBe(document.kind);
      expect(operation?.selectionSet.selections.length).toBe(document.topLevelFields);
      expect(document.topLevelFields).toBeLessThanOrEqual(5);
    },
  );
});
