extension Array {
    /// Moves the elements of `other` to the end of this array, in order, leaving `other` empty.
    /// Unlike `+=`, which copies each element (retaining every reference it holds) and then
    /// lets the old array go (releasing them again), each element is moved: nothing is counted.
    @inlinable
    package mutating func append(movingFrom other: inout [Element]) {
        // Into an empty array with no more room than `other` has, `other`'s storage is taken whole.
        guard !isEmpty || capacity > other.capacity else {
            swap(&self, &other)
            return
        }
        append(movingFrom: &other) { _ in true }
    }

    /// Moves the elements of `other` whose index `keep` accepts to the end of this array, in
    /// order, leaving `other` empty (the others are let go).
    @inlinable
    package mutating func append(movingFrom other: inout [Element], keeping keep: (Int) -> Bool) {
        reserveCapacity(count + other.count)
        // `popLast` hands each element over as it leaves the array (reversing in place would
        // copy them): taken from the back twice, they come in their first order.
        var reversed: [Element] = []
        reversed.reserveCapacity(other.count)
        while let element = other.popLast() {
            if keep(other.count) { reversed.append(consume element) }
        }
        while let element = reversed.popLast() { append(consume element) }
    }
}
