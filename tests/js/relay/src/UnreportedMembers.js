// A community's unreported members, paged both ways with Relay's @connection: relay-compiler
// refuses a connection whose PageInfo lacks hasPreviousPage or startCursor.
import { graphql } from 'react-relay';

export const query = graphql`
  query UnreportedMembersQuery($id: ID!, $first: Int, $after: String) {
    community(id: $id) {
      name
      ...UnreportedMembers_community @arguments(first: $first, after: $after)
    }
  }
`;

export const fragment = graphql`
  fragment UnreportedMembers_community on Community
  @refetchable(queryName: "UnreportedMembersPaginationQuery")
  @argumentDefinitions(
    first: { type: "Int", defaultValue: 20 }
    after: { type: "String" }
    last: { type: "Int" }
    before: { type: "String" }
  ) {
    unreportedMembers(first: $first, after: $after, last: $last, before: $before)
      @connection(key: "UnreportedMembers_unreportedMembers") {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;
