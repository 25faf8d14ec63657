extension FeedReader {
    /// Reads the feed at `path` into the same episodes, in the same order, as
    /// `read(path:display:)`, but hands each to `each` as soon as it is complete, so a feed
    /// of any size is never held whole; returns the diagnostics, which come at the end.
    /// Each episode is `prepare`d (into the JSON to print, say) on the worker that parsed it.
    ///
    /// An episode whose item comes before the channel's `<title>` waits for that title
    /// (`read(path:display:)` names it so too) and is prepared again once named; in a feed
    /// with no title at all, every episode waits until the end. A file that breaks off
    /// unreadably may have handed on some episodes before the error is thrown.
    public static func readInOrder<Prepared: Sendable>(path: String, display: String,
                                                       prepare: @escaping @Sendable (Episode) -> Prepared,
                                                       each: (Prepared) -> Void) throws(InputError) -> [Diagnostic] {
        var waiting: [(Episode, Prepared)] = []
        let summary = try read(path: path, display: display, prepare: prepare) { episode, prepared in
            guard let podcast = episode.podcast else {
                waiting.append((episode, prepared))
                return
            }
            // The channel's title is known now, and stays (the first one counts).
            for (var early, _) in waiting {
                early.podcast = podcast
                each(prepare(early))
            }
            waiting.removeAll()
            each(prepared)
        }
        for (var early, prepared) in waiting {
            guard let title = summary.title else {
                each(prepared)
                continue
            }
            early.podcast = title
            each(prepare(early))
        }
        return summary.diagnostics
    }
}
