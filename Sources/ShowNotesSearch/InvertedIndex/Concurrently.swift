#if canImport(Glibc)
import CLinuxIO
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs two independent pieces of work at once: one on a new thread, one on the calling
/// thread, and returns when both are done (the thread is joined, so everything the
/// background work wrote is visible afterwards). Plain `pthread`: the search binary links
/// no Dispatch. Used by `IndexBuilder.serialize` to compress stored texts while it encodes
/// postings, and by searches; when no thread can be started, both run here, one after the other.
///
/// On Linux the new thread may run only on the other CPUs than the caller's: left to the
/// kernel, it was often queued behind the caller on the caller's CPU until the next
/// scheduler tick moved it (on this 2-CPU VM: started after 1.2–3.4 ms in 5 of 8 searches,
/// against 44–78 µs otherwise), which for a 10 ms search is most of what a second thread saves.
enum Concurrently {
    static func run(_ background: @escaping @Sendable () -> Void, alongside foreground: () -> Void) {
        let work = Unmanaged.passRetained(Work(background))
        #if canImport(Darwin)
        var thread: pthread_t?
        let started = pthread_create(&thread, nil, { context in
            Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body()
            return nil
        }, work.toOpaque())
        #else
        var thread = pthread_t()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        elsewhere(&attributes)
        let started = pthread_create(&thread, &attributes, { context in
            if let context { Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body() }
            return nil
        }, work.toOpaque())
        #endif
        guard started == 0 else {
            work.takeRetainedValue().body()
            foreground()
            return
        }
        foreground()
        #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
        #else
        pthread_join(thread, nil)
        #endif
    }

    #if !canImport(Darwin)
    /// Restricts a thread about to be made to the CPUs this one may use, but not the one it
    /// runs on; leaves `attributes` as they are when that leaves none or cannot be known.
    private static func elsewhere(_ attributes: inout pthread_attr_t) {
        var mask = [UInt64](repeating: 0, count: 16)   // a cpu_set_t: 1,024 CPUs
        let bytes = mask.count * MemoryLayout<UInt64>.size
        let current = Int(sched_getcpu())
        guard current >= 0, current < mask.count * 64, sched_getaffinity(0, bytes, &mask) == 0 else { return }
        mask[current / 64] &= ~(1 << UInt64(current % 64))
        guard mask.contains(where: { $0 != 0 }) else { return }
        _ = pthread_attr_setaffinity_np(&attributes, bytes, mask)
    }
    #endif

    /// The background closure, handed to the new thread.
    private final class Work: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}

/// A value written by background work and read after `Concurrently.run` returns.
final class Handoff<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
