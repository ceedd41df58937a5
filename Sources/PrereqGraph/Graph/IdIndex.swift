import PrereqBasics

/// The definitions of one kind by id: the index of the first definition with each id. It
/// answers as a `[String: Int]` would in less memory: the ids (the definitions' own strings,
/// not copies) sit in an array in definition order and are found through `HashSlots`, an id
/// with an ASCII form hashed by the bytes of that form.
public struct IdIndex: Sendable {
    /// Every definition's id, in definition order.
    private let ids: [String]
    /// Per entry of `slots` (numbered in the order added): the definition it stands for, the
    /// first with its id.
    private var firstDefinition: [Int32] = []
    private var slots: HashSlots

    /// The index of `ids`, the ids of a kind's definitions in order.
    public init(_ ids: [String]) {
        self.ids = ids
        slots = HashSlots(capacity: ids.count)
        firstDefinition.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() {
            var probe = slots.probe(CanonicalASCII.hash(id))
            guard find(id, &probe) == nil, let definition = Int32(exactly: i), slots.add(at: probe) != nil else { continue }
            firstDefinition.append(definition)
        }
    }

    /// The first definition with the id `id`, if any.
    public subscript(_ id: String) -> Int? {
        var probe = slots.probe(CanonicalASCII.hash(id))
        return find(id, &probe)
    }

    /// How many different ids there are.
    public var count: Int { firstDefinition.count }

    /// Each id once, in the order of its first definition.
    public var distinctIds: [String] { firstDefinition.map { ids[Int($0)] } }

    private func find(_ id: String, _ probe: inout HashSlots.Probe) -> Int? {
        while let entry = slots.next(&probe) {
            let definition = Int(firstDefinition[entry])
            if ids[definition] == id { return definition }
        }
        return nil
    }
}
