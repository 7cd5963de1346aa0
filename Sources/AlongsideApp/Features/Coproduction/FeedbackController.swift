import Foundation
import Hummingbird

/// "You said, we did" by community (issue 7; 003 step 2.7: expert-by-experience leaders feed back to their
/// communities). Inside the workspace anyone signed in reads each community's answers; those who manage
/// co-production publish a community's page, which anyone may then read without signing in.
struct FeedbackController: Controller {
    let services: AppServices

    var stores: CoproductionStores { CoproductionStores(services: services) }

    func addRoutes(to routes: inout SiteRoutes) {
        routes.get(.feedbackCommunities, .signedIn, index)
        routes.get(.feedbackCommunity, .signedIn, show)
        routes.post(.publishFeedback, .capability(.manageCoproduction), publish)
        routes.get(.publishedFeedbackIndex, publishedIndex)
        routes.get(.publishedFeedback, published)
    }

    func community(_ context: AppRequestContext) async throws -> Community {
        guard let community = try await stores.communities.community(id: try CoproductionStores.id(context)) else {
            throw AppError.notFound
        }
        return community
    }

    @Sendable func index(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = FeedbackCommunitiesPage(
            communities: try await stores.communities.all(), counts: try await stores.feedback.counts(),
            published: try await stores.feedback.published())
        return try await services.pages.render(page, request: request, context: context)
    }

    func communityPage(_ community: Community, signedIn: SignedIn) async throws -> FeedbackCommunityPage {
        FeedbackCommunityPage(
            community: community, insights: try await stores.insights.insights(communityID: community.id),
            publishedAt: try await stores.feedback.publishedAt(communityID: community.id),
            canManage: Policy.allows(signedIn.user.role, .manageCoproduction))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response {
        let page = try await communityPage(try await community(context), signedIn: signedIn)
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext, signedIn: SignedIn) async throws -> Response
    {
        let community = try await community(context)
        let publish: Bool
        switch context.form[CoproductionForms.PublishField.publish] {
        case "yes": publish = true
        case "no": publish = false
        default: throw AppError.badRequest
        }
        let changed = try await stores.feedback.setPublished(
            community, publish, by: signedIn.actor, requestID: context.requestID)
        let message: String
        switch (changed, publish) {
        case (true, true):
            message =
                "The \"you said, we did\" page for \(community.name) is published. Anyone can read it without signing in."
        case (true, false): message = "The \"you said, we did\" page for \(community.name) is no longer published."
        case (false, true): message = "The page for \(community.name) was already published, so nothing changed."
        case (false, false): message = "The page for \(community.name) was not published, so nothing changed."
        }
        try await services.sessions.setFlash(Flash(message: message), tokenHash: signedIn.session.tokenHash)
        return .seeOther(Href.feedbackCommunity(community.id))
    }

    @Sendable func publishedIndex(_ request: Request, context: AppRequestContext) async throws -> Response {
        let page = PublishedFeedbackIndexPage(
            communities: try await stores.communities.all(), published: try await stores.feedback.published())
        return try await services.pages.render(page, request: request, context: context)
    }

    @Sendable func published(_ request: Request, context: AppRequestContext) async throws -> Response {
        let community = try await community(context)
        guard try await stores.feedback.publishedAt(communityID: community.id) != nil else { throw AppError.notFound }
        let page = PublishedFeedbackPage(
            community: community, insights: try await stores.insights.insights(communityID: community.id))
        return try await services.pages.render(page, request: request, context: context)
    }
}
