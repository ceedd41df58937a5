import Diagnostics

/// What a feature needs, as a tree: a feature switched on, all of a list, any of a list, a
/// feature switched off, a condition on a value, or a gate (a record check, a job's schedule).
/// Every node keeps the place it was written.
public enum Requirement: Sendable, Hashable {
    /// The feature with this id must be on.
    case feature(Located<String>)
    /// Every part must hold.
    case allOf([Requirement], at: SourceLocation)
    /// At least one part must hold.
    case anyOf([Requirement], at: SourceLocation)
    /// The part must not hold (written `not: feature-id`). The cases holding a requirement, a
    /// value condition, a gate or a count's limits are boxed, so that a requirement (an element
    /// of every list in the tree) stays as small as a feature reference; the lists give the
    /// others indirection.
    indirect case not(Requirement, at: SourceLocation)
    /// A setting's value, or the value a feature serves, passes a test (`ValueCondition`).
    indirect case value(ValueCondition)
    /// At least `min` and at most `max` (nil: no upper limit) of the parts hold (`exactlyOne`,
    /// `atLeast`/`atMost` … `of`).
    indirect case count([Requirement], min: Int, max: Int?, at: SourceLocation)
    /// `then` must hold only while `condition` holds (`when`/`then`).
    indirect case when(Requirement, then: Requirement, at: SourceLocation)
    /// The part is only recommended (`severity: warning`): reported when it fails, never blocking.
    indirect case recommended(Requirement, at: SourceLocation)
    /// A record check that must pass or a job that must be on a schedule (`Gate`).
    indirect case gate(Gate)
    /// The part must hold in every channel, judged in each channel on its own (`eachChannel`):
    /// a channel setting or attribute inside it is read for that channel only. With `where`,
    /// only the channels where that condition holds are bound by it.
    indirect case eachChannel(Requirement, where: Requirement?, at: SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .feature(let id): id.location
        case .allOf(_, let at), .anyOf(_, let at), .not(_, let at): at
        case .value(let c): c.location
        case .gate(let g): g.location
        case .count(_, _, _, let at), .when(_, _, let at), .recommended(_, let at), .eachChannel(_, _, let at): at
        }
    }

    /// Calls `body` with every feature reference in written order, and whether it is mandatory
    /// (reached only through all-of), without building a list; returns the tree's form, found
    /// in the same walk.
    @discardableResult
    public func forEachFeature(_ body: (Located<String>, _ isMandatory: Bool) -> Void) -> RequirementForm {
        visit(mandatory: true, body)
    }

    /// Recursive along the tree's nesting, which the YAML loader bounds (256 levels).
    @discardableResult
    private func visit(mandatory: Bool, _ body: (Located<String>, Bool) -> Void) -> RequirementForm {
        switch self {
        case .feature(let id):
            body(id, mandatory)
            return RequirementForm(namesOnlyFeatures: true, isAllOfFeatures: true)
        case .allOf(let parts, _):
            var form = RequirementForm(namesOnlyFeatures: true, isAllOfFeatures: true)
            for p in parts {
                let part = p.visit(mandatory: mandatory, body)
                form.namesOnlyFeatures = form.namesOnlyFeatures && part.namesOnlyFeatures
                form.isAllOfFeatures = form.isAllOfFeatures && part.isAllOfFeatures
            }
            return form
        case .anyOf(let parts, _):
            var namesOnlyFeatures = true
            for p in parts { namesOnlyFeatures = p.visit(mandatory: false, body).namesOnlyFeatures && namesOnlyFeatures }
            return RequirementForm(namesOnlyFeatures: namesOnlyFeatures, isAllOfFeatures: false)
        case .not(let part, _):
            return RequirementForm(namesOnlyFeatures: part.visit(mandatory: false, body).namesOnlyFeatures, isAllOfFeatures: false)
        case .value(let c):
            if case .feature(let id) = c.subject { body(id, mandatory) }
        case .count(let parts, let min, _, _):
            for p in parts { p.visit(mandatory: mandatory && min >= parts.count, body) }
        case .when(let condition, let then, _):
            condition.visit(mandatory: false, body)
            then.visit(mandatory: false, body)
        case .recommended(let part, _):
            part.visit(mandatory: false, body)
        case .eachChannel(let part, let condition, _):
            condition?.visit(mandatory: false, body)
            part.visit(mandatory: mandatory && condition == nil, body)
        case .gate: break
        }
        return RequirementForm(namesOnlyFeatures: false, isAllOfFeatures: false)
    }

    /// What `pick` takes from this requirement and every one inside it, in written order. One
    /// list, allocated only when something is picked: lint walks the tree of every feature of
    /// a pack (recursive along the tree's nesting, which the YAML loader bounds).
    @inlinable
    public func collect<T>(_ pick: (Requirement) -> T?) -> [T] {
        var out: [T] = []
        collect(pick, into: &out)
        return out
    }

    @inlinable
    func collect<T>(_ pick: (Requirement) -> T?, into out: inout [T]) {
        if let picked = pick(self) { out.append(picked) }
        switch self {
        case .feature, .value, .gate: break
        case .allOf(let parts, _), .anyOf(let parts, _), .count(let parts, _, _, _): for p in parts { p.collect(pick, into: &out) }
        case .not(let part, _), .recommended(let part, _): part.collect(pick, into: &out)
        case .when(let condition, let then, _):
            condition.collect(pick, into: &out)
            then.collect(pick, into: &out)
        case .eachChannel(let part, let condition, _):
            condition?.collect(pick, into: &out)
            part.collect(pick, into: &out)
        }
    }

    /// Whether the tree is feature references alone, through all-of, any-of and `not`: no
    /// value condition, group, condition, recommendation, gate or channel. Most trees of a big
    /// pack are, and lint's checks of those constructs pass them by.
    public var namesOnlyFeatures: Bool { forEachFeature { _, _ in }.namesOnlyFeatures }

    /// Whether the tree is feature references under all-of alone (no any-of, `not` or other
    /// construct): it holds exactly when every feature it names is on.
    public var isAllOfFeatures: Bool { forEachFeature { _, _ in }.isAllOfFeatures }

    /// Every feature reference anywhere in the tree, in written order.
    public var featureReferences: [Located<String>] {
        var out: [Located<String>] = []
        forEachFeature { id, _ in out.append(id) }
        return out
    }

    /// The features that must be on whatever alternative is chosen (references reached only
    /// through all-of, never through any-of or not).
    public var mandatoryFeatures: [Located<String>] {
        var out: [Located<String>] = []
        forEachFeature { id, isMandatory in if isMandatory { out.append(id) } }
        return out
    }

    /// The features that must be off whatever alternative is chosen (`not` directly under all-of).
    public var forbiddenFeatures: [Located<String>] {
        collectThroughAllOf { if case .not(.feature(let id), _) = $0 { id } else { nil } }
    }

    /// What `pick` finds in the requirements reached through all-of alone (all-of nodes are
    /// walked, not picked), in order, into one list.
    @inlinable
    public func collectThroughAllOf<T>(_ pick: (Requirement) -> T?) -> [T] {
        var out: [T] = []
        collectThroughAllOf(pick, into: &out)
        return out
    }

    @inlinable
    func collectThroughAllOf<T>(_ pick: (Requirement) -> T?, into out: inout [T]) {
        if case .allOf(let parts, _) = self {
            for part in parts { part.collectThroughAllOf(pick, into: &out) }
        } else if let picked = pick(self) {
            out.append(picked)
        }
    }
}

/// What one walk over a requirement tree tells about its form (`Requirement.forEachFeature`).
public struct RequirementForm: Sendable, Equatable {
    /// Feature references alone, through all-of, any-of and `not` (`Requirement.namesOnlyFeatures`).
    public var namesOnlyFeatures: Bool
    /// Feature references under all-of alone (`Requirement.isAllOfFeatures`).
    public var isAllOfFeatures: Bool
}
