import Foundation

/// Who must be at the table, checked against who is (003 step 1; 001 "Joint governance" success marker 1).
public enum CompositionCheck {
    /// What the check needs to know of a membership.
    public struct Member: Sendable, Equatable {
        public let name: String
        public let seat: Seat
        public let sector: Sector
        /// The under-served community they represent, if they named one. It adds to their sector: an expert by
        /// experience from an under-served community sits for both (003 step 1 asks for experts by experience and
        /// "individuals from BAME communities and other protected or marginalised groups"; one person can be both).
        public let community: String?
        public let startsOn: String
        public let endsOn: String?

        public init(
            name: String, seat: Seat, sector: Sector, community: String? = nil, startsOn: String, endsOn: String?
        ) {
            self.name = name
            self.seat = seat
            self.sector = sector
            let named = community?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            self.community = named.isEmpty ? nil : named
            self.startsOn = startsOn
            self.endsOn = endsOn
        }

        /// Every requirement the member meets: their sector's, and under-served communities when they name one.
        /// One person can fill more than one required seat; each seat still needs someone.
        public func meets(_ requirement: SeatRequirement) -> Bool {
            requirement.sectors.contains(sector) || (requirement == .underServedCommunities && community != nil)
        }

        /// Whether the membership runs on `day` ("2026-03-03"; ISO days compare as text). `endsOn` is the day
        /// they leave: from that day on they are no longer a member, so ending a membership today takes effect today.
        public func isCurrent(on day: String) -> Bool {
            startsOn <= day && (endsOn.map { day < $0 } ?? true)
        }
    }

    public struct Line: Sendable, Equatable {
        public let requirement: SeatRequirement
        /// Names of current members who meet it; empty when the seat is missing.
        public let filledBy: [String]
    }

    public struct Report: Sendable, Equatable {
        public let lines: [Line]
        /// True when a current chair or co-chair brings lived experience, as co-production expects.
        public let hasLivedExperienceChair: Bool

        public var missing: [SeatRequirement] { lines.filter { $0.filledBy.isEmpty }.map(\.requirement) }
    }

    public static func check(requirements: [SeatRequirement], members: [Member], on day: String) -> Report {
        let current = members.filter { $0.isCurrent(on: day) && $0.seat != .observer }
        let lines = requirements.map { requirement in
            Line(
                requirement: requirement,
                filledBy: current.filter { $0.meets(requirement) }.map(\.name))
        }
        let livedChair = current.contains { $0.seat.isChairing && $0.sector.isLivedExperience }
        return Report(lines: lines, hasLivedExperienceChair: livedChair)
    }
}
