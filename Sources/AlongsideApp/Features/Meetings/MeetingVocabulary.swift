/// How people join a meeting.
public enum MeetingFormat: String, CaseIterable, Codable, Sendable {
    case inPerson = "in_person"
    case video
    case hybrid

    public var label: String {
        switch self {
        case .inPerson: return "In person"
        case .video: return "Video call"
        case .hybrid: return "Hybrid: in person and by video"
        }
    }

    var needsAddress: Bool { self != .video }
    var needsJoiningDetails: Bool { self != .inPerson }
}

/// What is arranged so everyone can take part.
public enum AccessArrangement: String, CaseIterable, Codable, Sendable {
    case stepFree = "step_free"
    case hearingLoop = "hearing_loop"
    case interpreter
    case easyRead = "easy_read"
    case largePrint = "large_print"

    public var label: String {
        switch self {
        case .stepFree: return "Step-free access"
        case .hearingLoop: return "Hearing loop"
        case .interpreter: return "Interpreter"
        case .easyRead: return "Papers in easy read"
        case .largePrint: return "Papers in large print"
        }
    }
}

public enum MeetingStatus: String, CaseIterable, Codable, Sendable {
    case planned, held, cancelled

    public var label: String {
        switch self {
        case .planned: return "Planned"
        case .held: return "Held"
        case .cancelled: return "Cancelled"
        }
    }
}

public enum MeetingKind: String, CaseIterable, Codable, Sendable {
    case meeting, workshop

    public var label: String { self == .meeting ? "Meeting" : "Workshop" }
}

/// How often a planned series repeats.
public enum MeetingRepeat: String, CaseIterable, Sendable {
    case weekly, fortnightly, fourWeekly = "four_weekly", monthly

    public var label: String {
        switch self {
        case .weekly: return "Every week"
        case .fortnightly: return "Every two weeks"
        case .fourWeekly: return "Every four weeks"
        case .monthly: return "Every month, on the same date"
        }
    }
}

public enum AttendanceStatus: String, CaseIterable, Codable, Sendable {
    case present, apologies, deputy, absent

    public var label: String {
        switch self {
        case .present: return "Present"
        case .apologies: return "Apologies"
        case .deputy: return "Sent their deputy"
        case .absent: return "Absent"
        }
    }
}

public enum ActionStatus: String, CaseIterable, Codable, Sendable {
    case open
    case inProgress = "in_progress"
    case done
    case dropped

    public var label: String {
        switch self {
        case .open: return "Not started"
        case .inProgress: return "In progress"
        case .done: return "Done"
        case .dropped: return "Dropped"
        }
    }

    /// Open and in-progress actions carry over from meeting to meeting until they are done or dropped.
    public var carriesOver: Bool { self == .open || self == .inProgress }
}
