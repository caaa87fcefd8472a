// A fragment on a Node type, refetched through Query.node(id:).
import { graphql } from 'react-relay';

export const fragment = graphql`
  fragment UnitCard_unit on Unit @refetchable(queryName: "UnitCardRefetchQuery") {
    id
    name
  }
`;

export const communities = graphql`
  query UnitCardCommunitiesQuery($last: Int, $before: String) {
    communities(last: $last, before: $before) @connection(key: "UnitCard_communities") {
      edges {
        node {
          id
        }
      }
    }
  }
`;
