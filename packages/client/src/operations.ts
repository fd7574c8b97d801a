import { graphql } from './gql/index';

/*
 * The common integrator tasks, as typed operations. GraphQL Code Generator checks each against
 * schema/supergraph.graphql when the package is built: one the schema no longer supports fails the build.
 */

export const SearchActivities = graphql(`
  query SearchActivities($filter: ActivityFilter, $first: Int! = 20, $after: String, $sort: ActivitySort) {
    activities(filter: $filter, first: $first, after: $after, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        category
        targetGroups
        venueLabel
        costKind
        joinMode
        bydel {
          code
          name
        }
        organisation {
          id
          name
        }
        nextOccurrences(first: 3) {
          startsAt
          endsAt
        }
      }
    }
  }
`);

export const ActivityById = graphql(`
  query ActivityById($id: ID!) {
    activity(id: $id) {
      id
      title
      description
      category
      targetGroups
      languages
      venueKind
      venueLabel
      audience
      status
      costKind
      priceNok
      capacity
      placesAvailable
      joinMode
      lastVerifiedAt
      bydel {
        code
        name
      }
      organisation {
        id
        name
      }
      location {
        name
        streetAddress
        postalCode
        postalTown
      }
      schedule {
        weekly {
          weekday
          startTime
          endTime
          interval
        }
        monthly {
          weekday
          week
          startTime
          endTime
        }
        exceptions {
          date
          note
        }
        dates {
          date
          startTime
          endTime
        }
        validFrom
        validUntil
      }
      nextOccurrences(first: 5) {
        startsAt
        endsAt
      }
    }
  }
`);

export const OrganisationsOfBydel = graphql(`
  query OrganisationsOfBydel($bydel: String!, $first: Int! = 20, $after: String) {
    organisations(filter: { bydel: $bydel }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
      }
    }
  }
`);

export const BydelStatistics = graphql(`
  query BydelStatistics($fromMonth: String!, $toMonth: String!) {
    referralStatistics(fromMonth: $fromMonth, toMonth: $toMonth) {
      bydelCode
      month
      category
      outcome
      count
      suppressed
    }
  }
`);

export const PetCareOffers = graphql(`
  query PetCareOffers($filter: PetCareOfferFilter, $first: Int! = 20, $after: String) {
    petCareOffers(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        organisation {
          id
          name
        }
      }
    }
  }
`);

export const CreateReferral = graphql(`
  mutation CreateReferral($input: CreateReferralInput!) {
    createReferral(input: $input) {
      id
      version
      status
      allowedActions
    }
  }
`);

export const TransitionReferral = graphql(`
  mutation TransitionReferral($id: ID!, $version: Int!, $action: ReferralAction!, $reason: ReasonCode) {
    transitionReferral(id: $id, version: $version, action: $action, reason: $reason) {
      id
      version
      status
      allowedActions
    }
  }
`);

export const Inbox = graphql(`
  query Inbox($statuses: [ReferralStatus!] = [SENT, RECEIVED, ACCEPTED, IN_PROGRESS, ON_HOLD], $first: Int! = 100, $after: String) {
    referrals(statuses: $statuses, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        version
        sentAt
        answerDeadline
        allowedActions
        activity {
          id
          title
        }
        petCareOffer {
          id
          title
        }
        sendingShelter {
          name
        }
      }
    }
  }
`);
