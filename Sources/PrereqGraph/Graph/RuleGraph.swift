import PrereqBasics
import PrereqModel

/// The rule pack as a graph: ids interned to dense indices, edges in both directions, ready for
/// fast queries (what a feature needs, what needs it, which jobs must come first). References
/// to ids the pack does not define are left out of the edges (lint reports them).
public struct RuleGraph: Sendable {
    public let pack: RulePack

    public let featureIndex: IdIndex
    public let settingIndex: IdIndex
    public let jobIndex: IdIndex
    public let recordIndex: IdIndex
    public let attributeIndex: IdIndex
    public let manualIndex: IdIndex
    public let componentIndex: IdIndex
    /// Components to update before each component (`updatedAfter`).
    public let componentUpdatedAfter: Adjacency
    /// Each component's place in the update order (`updateRank`): plans upgrade in this order.
    public let componentUpdateRank: [Int]
    /// Releases by name (`release(named:)`).
    let releaseIndex: [String: Int]

    /// Features a feature's requirement tree mentions (any polarity), deduplicated.
    public let mentions: Adjacency
    /// Reverse of `mentions`: the features whose requirements mention this one.
    public let mentionedBy: Adjacency
    /// Features that must be on whatever alternative is chosen (all-of path only).
    public let mandatory: Adjacency
    /// Reverse of `mandatory`.
    public let mandatoryFor: Adjacency
    /// Each feature's position in dependency order along `mandatory` edges (what a feature
    /// needs comes first), or `Int.max` for a feature in or behind a requirements cycle. A
    /// feature can need another (through all-of requirements) only if its rank is higher, so
    /// searches for one feature skip every feature ranked below it.
    public let mandatoryRank: [Int]
    /// Features it cannot be on together with (declared on either side).
    public let conflicts: Adjacency
    /// Jobs whose last success must precede this job's (`after`).
    public let jobAfter: Adjacency
    /// Every job whose success (or state) a job's last success must follow: `after`, `after`
    /// entries with `reached`, and `createdBy`. The order a plan runs jobs in.
    public let jobRunsAfter: Adjacency
    /// The jobs a run of this one makes too early: reverse of `after` and `createdBy`, and of
    /// `reached` states other than `Applied` (whose moment, the first time, does not move).
    public let jobMovedBy: Adjacency
    /// The job that creates each job (`createdBy`): at most one per row.
    public let jobCreatedBy: Adjacency
    /// Per job, the state a plan runs it to: the first one an `after` … `reached` entry names
    /// for it; nil for a job no such entry names.
    public let jobTargetState: [String?]

    /// Features whose `requires` or `conflicts` name an id the pack does not define (found
    /// while the edges are read, so lint need not look every reference up again).
    package let unresolvedFeatureReferences: Set<Int>

    /// Whether each feature's `requires` uses more than feature references (a value condition,
    /// group, condition, recommendation, gate or channel; see `Requirement.namesOnlyFeatures`):
    /// the checks of those constructs look at these features only.
    let usesConstructs: [Bool]
    /// Whether each feature's `requires` is feature references under all-of alone
    /// (`Requirement.isAllOfFeatures`): such a tree holds exactly when every feature in its row
    /// of `mandatory` does (an id the pack does not define blocks nothing).
    package let requiresOnlyMandatory: [Bool]

    /// Features that are mandatory or on by default from a version (`Lifecycle`).
    public let versionedLifecycles: [Int]

    /// Every name of every element, by kind. A graph built without keeping them builds them
    /// again when first asked for.
    public var featureNames: NameIndex { names.value { Self.nameIndices(pack) }.features }
    public var jobNames: NameIndex { names.value { Self.nameIndices(pack) }.jobs }
    public var settingNames: NameIndex { names.value { Self.nameIndices(pack) }.settings }
    public var recordNames: NameIndex { names.value { Self.nameIndices(pack) }.records }
    private let names: BuiltOnce<NameIndices>

    /// The names that refer to more than one feature (`NameIndex.ambiguous`).
    public let featureNameClashes: [(name: String, elements: [Int])]

    /// The graph of `pack`. Without `keepingNames` (lint, which needs only the clashes), the
    /// name index of the features is read for its clashes and dropped as soon as it is made: on
    /// a big pack it would otherwise stay beside everything lint holds.
    public init(_ pack: RulePack, keepingNames: Bool = true) {
        self.pack = pack
        let edges: Edges
        // The name indices need nothing of the edges, so they are built on a second thread
        // meanwhile.
        if keepingNames {
            let indices: NameIndices
            (edges, indices) = ParallelWork.alongside({ Edges(pack) }, { Self.nameIndices(pack) })
            names = BuiltOnce(indices)
            featureNameClashes = indices.features.ambiguous
        } else {
            (edges, featureNameClashes) = ParallelWork.alongside({ Edges(pack) }, { Self.featureNameIndex(pack).ambiguous })
            names = BuiltOnce()
        }
        featureIndex = edges.featureIndex
        settingIndex = edges.settingIndex
        jobIndex = edges.jobIndex
        recordIndex = edges.recordIndex
        attributeIndex = IdIndex(pack.attributes.map(\.id.value))
        manualIndex = IdIndex(pack.manualSteps.map(\.id.value))
        componentIndex = IdIndex(pack.components.map(\.id.value))
        (componentUpdatedAfter, componentUpdateRank) = Self.updateRank(pack, componentIndex)
        releaseIndex = Self.releaseIndex(pack)
        mentions = edges.mentions
        mentionedBy = edges.mentions.transposed()
        mandatory = edges.mandatory
        mandatoryFor = edges.mandatory.transposed()
        mandatoryRank = Self.dependencyRank(mandatory, reverse: mandatoryFor)
        conflicts = edges.conflicts
        unresolvedFeatureReferences = edges.unresolved
        usesConstructs = edges.usesConstructs
        requiresOnlyMandatory = edges.requiresOnlyMandatory
        jobAfter = edges.jobAfter
        jobRunsAfter = edges.jobRunsAfter
        jobMovedBy = edges.jobMoving.transposed()
        jobCreatedBy = edges.jobCreatedBy
        jobTargetState = edges.jobTargetState
        versionedLifecycles = pack.features.indices.filter {
            let lifecycle = pack.features[$0].lifecycle
            return lifecycle.mandatorySince != nil || lifecycle.onByDefaultSince != nil
        }
    }

    /// The name indices of a pack, by kind.
    private struct NameIndices: Sendable {
        var features: NameIndex
        var jobs: NameIndex
        var settings: NameIndex
        var records: NameIndex
    }

    private static func nameIndices(_ pack: RulePack) -> NameIndices {
        let features = featureNameIndex(pack)
        var jobs = NameIndex()
        for (i, j) in pack.jobs.enumerated() {
            jobs.add(j.id.value, i)
            if let code = j.code { jobs.add(code.value, i) }
            j.name?.forEachTranslation { jobs.add($1, i) }
            for a in j.aliases { jobs.add(a.value, i) }
        }
        var settings = NameIndex()
        for (i, s) in pack.settings.enumerated() {
            settings.add(s.id.value, i)
            s.name?.forEachTranslation { settings.add($1, i) }
            for a in s.aliases { settings.add(a.value, i) }
        }
        var records = NameIndex()
        for (i, r) in pack.records.enumerated() {
            records.add(r.id.value, i)
            r.name?.forEachTranslation { records.add($1, i) }
        }
        return NameIndices(features: features, jobs: jobs, settings: settings, records: records)
    }

    /// Every feature's id, display names and aliases.
    private static func featureNameIndex(_ pack: RulePack) -> NameIndex {
        var features = NameIndex(capacity: pack.features.reduce(0) { $0 + 1 + ($1.name?.count ?? 0) + $1.aliases.count })
        for i in pack.features.indices {
            features.add(pack.features[i].id.value, i)
            pack.features[i].name?.forEachTranslation { features.add($1, i) }
            for a in pack.features[i].aliases { features.add(a.value, i) }
        }
        return features
    }

    /// Kahn's algorithm: ranks in an order where every feature comes after what it needs.
    private static func dependencyRank(_ edges: Adjacency, reverse: Adjacency) -> [Int] {
        var rank = [Int](repeating: .max, count: edges.count)
        var pending = edges.map { $0.count }
        var ready = (0..<edges.count).filter { pending[$0] == 0 }
        var next = 0
        while let g = ready.popLast() {
            rank[g] = next
            next += 1
            for f in reverse[g] {
                pending[f] -= 1
                if pending[f] == 0 { ready.append(f) }
            }
        }
        return rank
    }

    /// Whether feature `from` may reach `to` along `mandatory` edges, judged by rank alone:
    /// false means it cannot; true means a search is needed.
    func mayNeed(_ from: Int, _ to: Int) -> Bool {
        let r = mandatoryRank[from]
        return r == .max || (mandatoryRank[to] != .max && mandatoryRank[to] < r)
    }

    /// The edges of a run of features read off their `requires`, one row per feature in order,
    /// with the features that name an undefined one and the form of each tree.
    private struct RequirementEdges: Sendable {
        var mentions: Adjacency
        var mandatory: Adjacency
        var unresolved: [Int] = []
        var usesConstructs: [Bool] = []
        var requiresOnlyMandatory: [Bool] = []

        init(_ pack: RulePack, _ featureIndex: IdIndex, _ features: Range<Int>) {
            mentions = Adjacency(reservingRows: features.count, edges: features.count * 3)
            mandatory = Adjacency(reservingRows: features.count, edges: features.count * 3)
            usesConstructs.reserveCapacity(features.count)
            requiresOnlyMandatory.reserveCapacity(features.count)
            for i in features {
                mentions.startRow()
                mandatory.startRow()
                var unknown = false
                // One walk gives the edges and the tree's form.
                let form = pack.features[i].requires?.forEachFeature { id, isMandatory in
                    guard let j = featureIndex[id.value] else {
                        unknown = true
                        return
                    }
                    mentions.addToLastRow(j)
                    if isMandatory { mandatory.addToLastRow(j) }
                }
                usesConstructs.append(form.map { !$0.namesOnlyFeatures } ?? false)
                requiresOnlyMandatory.append(form?.isAllOfFeatures ?? false)
                if unknown { unresolved.append(i) }
            }
        }

        /// These features followed by `next`'s, which come right after them.
        mutating func append(_ next: RequirementEdges) {
            mentions.append(rowsOf: next.mentions)
            mandatory.append(rowsOf: next.mandatory)
            unresolved += next.unresolved
            usesConstructs += next.usesConstructs
            requiresOnlyMandatory += next.requiresOnlyMandatory
        }
    }

    /// Ids interned to indices, and the edges read off the definitions.
    private struct Edges {
        var featureIndex: IdIndex
        var settingIndex: IdIndex
        var jobIndex: IdIndex
        var recordIndex: IdIndex
        var mentions: Adjacency
        var mandatory: Adjacency
        var conflicts: Adjacency
        var unresolved: Set<Int> = []
        var usesConstructs: [Bool] = []
        var requiresOnlyMandatory: [Bool] = []
        var jobAfter: Adjacency
        var jobRunsAfter: Adjacency
        var jobMoving: Adjacency
        var jobCreatedBy: Adjacency
        var jobTargetState: [String?]

        init(_ pack: RulePack) {
            featureIndex = IdIndex(pack.features.map(\.id.value))
            jobIndex = IdIndex(pack.jobs.map(\.id.value))
            settingIndex = IdIndex(pack.settings.map(\.id.value))
            recordIndex = IdIndex(pack.records.map(\.id.value))

            let n = pack.features.count
            let featureIndex = featureIndex
            // The requirements' edges are read in two halves on two threads (a big pack's
            // lookups are most of the graph's work), joined in feature order.
            var (requirements, second) = ParallelWork.inHalves(count: n) { RequirementEdges(pack, featureIndex, $0) }
            if let second { requirements.append(second) }
            unresolved = Set(requirements.unresolved)
            usesConstructs = requirements.usesConstructs
            requiresOnlyMandatory = requirements.requiresOnlyMandatory
            var conflicts = [[Int]](repeating: [], count: n)
            for i in pack.features.indices {
                for c in pack.features[i].conflicts {
                    guard let j = featureIndex[c.value] else {
                        unresolved.insert(i)
                        continue
                    }
                    guard j != i else { continue }
                    if !conflicts[i].contains(j) { conflicts[i].append(j) }
                    if !conflicts[j].contains(i) { conflicts[j].append(i) }
                }
            }
            self.mentions = requirements.mentions
            self.mandatory = requirements.mandatory
            self.conflicts = Adjacency(rows: conflicts)

            jobAfter = Adjacency(reservingRows: pack.jobs.count, edges: pack.jobs.count)
            for job in pack.jobs {
                jobAfter.startRow()
                for a in job.after { if let k = jobIndex[a.value] { jobAfter.addToLastRow(k) } }
            }
            jobRunsAfter = Adjacency(reservingRows: pack.jobs.count, edges: pack.jobs.count)
            jobMoving = Adjacency(reservingRows: pack.jobs.count, edges: pack.jobs.count)
            jobCreatedBy = Adjacency(reservingRows: pack.jobs.count, edges: pack.jobs.count)
            jobTargetState = Array(repeating: nil, count: pack.jobs.count)
            for job in pack.jobs {
                jobRunsAfter.startRow()
                jobMoving.startRow()
                jobCreatedBy.startRow()
                var runs: [Int] = [], moving: [Int] = []
                for a in job.after { if let k = jobIndex[a.value] { runs.append(k); moving.append(k) } }
                for o in job.afterReached {
                    guard let k = jobIndex[o.job.value] else { continue }
                    if jobTargetState[k] == nil { jobTargetState[k] = o.state.value }
                    runs.append(k)
                    if !o.isApplied { moving.append(k) }
                }
                if let c = job.createdBy, let k = jobIndex[c.value] {
                    runs.append(k)
                    moving.append(k)
                    jobCreatedBy.addToLastRow(k)
                }
                var seen = Set<Int>()
                for k in runs where seen.insert(k).inserted { jobRunsAfter.addToLastRow(k) }
                seen = []
                for k in moving where seen.insert(k).inserted { jobMoving.addToLastRow(k) }
            }
        }
    }
}
