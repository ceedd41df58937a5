import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// How the process hands memory back to the system.
public enum ProcessMemory {
    /// Makes every block of 1 MiB or more a mapping of its own, returned to the system when it
    /// is freed. glibc otherwise raises that threshold each time a big block is freed, so that the
    /// node tree of a file, freed after decoding, stays in the process's heap beside everything
    /// allocated later: about a fifth of the peak memory of linting or checking a big pack.
    /// Nothing happens where the C library is not glibc.
    public static func returnLargeBlocksWhenFreed() {
        #if canImport(Glibc)
            // `mallopt` is declared in <malloc.h>, which the Glibc module does not import.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
            guard let symbol = dlsym(nil, "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 1 << 20)
        #endif
    }

    /// Hands the free memory of every heap back to the system. Memory freed by one thread stays
    /// in that thread's heap, so what the decoding threads freed is not where the next phase
    /// allocates: called between phases, it keeps the peak near what is in use. Nothing
    /// happens where the C library is not glibc.
    public static func returnFreedMemory() {
        #if canImport(Glibc)
            // `malloc_trim` is declared in <malloc.h>, which the Glibc module does not import.
            typealias MallocTrim = @convention(c) (Int) -> Int32
            guard let symbol = dlsym(nil, "malloc_trim") else { return }
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }

    /// Lets `value` go on another thread, then hands what it held back to the system
    /// (`returnFreedMemory`): freeing a big pack and its graph takes a while that the caller
    /// spends on its output meanwhile. The caller must hold no other reference to what `value`
    /// holds, or that part is freed where the caller lets it go.
    public static func letGoInBackground<T: Sendable>(_ value: consuming T) {
        let holder = Holder(consume value)
        DispatchQueue.global().async {
            holder.value = nil
            returnFreedMemory()
        }
    }

    /// What `letGoInBackground` lets go, set to nil on the thread that frees it.
    private final class Holder<T: Sendable>: @unchecked Sendable {
        var value: T?
        init(_ value: consuming T) { self.value = consume value }
    }
}
