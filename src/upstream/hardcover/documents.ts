/**
 * Every GraphQL document shelfsync sends to Hardcover. A contract test validates each one against the
 * vendor's schema; `topLevelFields` is what the request costs in rate-limit units.
 */
export interface GraphqlDocument {
  name: string;
  kind: 'query' | 'mutation';
  topLevelFields: number;
  text: string;
}

export const ME_QUERY: GraphqlDocument = {
  name: 'ShelfsyncMe',
  kind: 'query',
  topLevelFields: 1,
  text: `query ShelfsyncMe {
  me {
    id
    username
  }
}`,
};
