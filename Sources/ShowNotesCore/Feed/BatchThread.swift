#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// A thread of its own that runs one job at a time for `EpisodeBatch`, so the next batch is
/// read while this one is parsed.
///
/// Not a thread of Dispatch's shared pool: the feed reader may itself run on one (the index
/// builder reads sources on pool threads), and pool threads that each wait for a job queued
/// behind them on the same small pool can wait for ever. The thread ends when this object
/// does. Where there are no POSIX threads, `start` runs the job at once.
final class BatchThread: @unchecked Sendable {
    // `job` is written before `wake` is signalled and read after the thread is woken;
    // `done` is signalled after the job ran: each semaphore orders the two sides.
    private let wake = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private var job: (@Sendable () -> Void)?
    private var started = false
    #if canImport(Glibc)
    private var thread = pthread_t()
    #endif

    /// Runs `job` on the thread; `wait()` returns once it has run. One job at a time.
    func start(_ job: @escaping @Sendable () -> Void) {
        if !started { started = launch() }
        guard started else {
            job()
            done.signal()
            return
        }
        self.job = job
        wake.signal()
    }

    /// Waits for the job given to `start`.
    func wait() { done.wait() }

    private func launch() -> Bool {
        #if canImport(Glibc)
        let me = Unmanaged.passUnretained(self).toOpaque()
        return pthread_create(&thread, nil, { argument in
            guard let argument else { return nil }
            Unmanaged<BatchThread>.fromOpaque(argument).takeUnretainedValue().run()
            return nil
        }, me) == 0
        #else
        return false
        #endif
    }

    /// The thread's loop: a job after each wake-up; no job means stop.
    private func run() {
        while true {
            wake.wait()
            guard let next = job else { return }
            job = nil
            next()
            done.signal()
        }
    }

    deinit {
        #if canImport(Glibc)
        guard started else { return }
        job = nil
        wake.signal()
        pthread_join(thread, nil)
        #endif
    }
}
