import Foundation

/// When sessions end. Idle expiry protects a shared computer left signed in; absolute expiry limits how
/// long a stolen cookie is any use. People are warned before an idle sign-out (WCAG 2.2.1, Timing Adjustable).
public struct SessionPolicy: Sendable, Equatable {
    public var idleTimeout: TimeInterval
    public var absoluteTimeout: TimeInterval
    /// How stale `last_seen_at` may get before a request writes it again; keeps most requests read-only.
    public var touchInterval: TimeInterval
    /// How long before an idle sign-out the warning appears.
    public var warningBefore: TimeInterval

    public init(
        idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 60 * 60,
        touchInterval: TimeInterval = 60, warningBefore: TimeInterval = 2 * 60
    ) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.touchInterval = touchInterval
        self.warningBefore = warningBefore
    }

    public enum State: Equatable, Sendable { case live, idleExpired, absoluteExpired }

    public func state(createdAt: Date, lastSeenAt: Date, now: Date) -> State {
        if now.timeIntervalSince(createdAt) >= absoluteTimeout { return .absoluteExpired }
        if now.timeIntervalSince(lastSeenAt) >= idleTimeout { return .idleExpired }
        return .live
    }

    public func needsTouch(lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= touchInterval
    }

    /// When the session ends if the person does nothing more.
    public func endsAt(createdAt: Date, lastSeenAt: Date) -> Date {
        min(lastSeenAt.addingTimeInterval(idleTimeout), createdAt.addingTimeInterval(absoluteTimeout))
    }
}
