#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs two independent pieces of work at once: one on a new thread, one on the calling
/// thread, and returns when both are done (the thread is joined, so everything the
/// background work wrote is visible afterwards). Plain `pthread`: the search binary links
/// no Dispatch. Used by `IndexBuilder.serialize` to compress stored texts while it encodes
/// postings; when no thread can be started, both run here, one after the other.
enum Concurrently {
    static func run(_ background: @escaping @Sendable () -> Void, alongside foreground: () -> Void) {
        let work = Unmanaged.passRetained(Work(background))
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let started = pthread_create(&thread, nil, { context in
            #if canImport(Darwin)
            Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body()
            #else
            if let context { Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body() }
            #endif
            return nil
        }, work.toOpaque())
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
