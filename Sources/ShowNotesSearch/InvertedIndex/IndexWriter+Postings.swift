/// The dictionary and the postings: every term of every segment, in byte order.
extension IndexWriter {
    /// The distinct terms of all segments, in byte order, and each one's number in every
    /// segment (`nil` where it does not occur).
    struct SegmentTerms {
        /// Every distinct term, numbered as met, segment after segment.
        private(set) var table = TermTable()
        /// Term numbers of `table` in byte order of their terms.
        private(set) var order: [Int] = []
        /// `numbers[term * segmentCount + segment]`: the term's number in that segment, or -1.
        private var numbers: [Int32] = []
        let segmentCount: Int

        init(_ tables: [TermTable]) {
            segmentCount = tables.count
            guard tables.count > 1 else {
                table = tables.first ?? TermTable()
                order = table.sortedIDs()
                numbers = (0..<Int32(table.count)).map { $0 }
                return
            }
            for (segment, terms) in tables.enumerated() {
                for number in 0..<terms.count {
                    let term = terms.withBytes(number) { table.id(of: $0) }
                    if term * segmentCount == numbers.count { numbers += repeatElement(-1, count: segmentCount) }
                    numbers[term * segmentCount + segment] = Int32(number)
                }
            }
            order = table.sortedIDs()
        }

        /// The number of `term` (of `table`) in `segment`, if it occurs there.
        func number(_ term: Int, in segment: Int) -> Int? {
            let number = numbers[term * segmentCount + segment]
            return number < 0 ? nil : Int(number)
        }
    }

    /// Every term in byte order with its postings: the dictionary, its index, the postings and
    /// positions. The lists — most of the work — are encoded on two threads, each taking a
    /// run of terms with about half the postings; the dictionary is written after, in order.
    static func encodePostings(_ segments: [IndexBuilder], _ layout: SegmentLayout) -> PostingsSections {
        let terms = SegmentTerms(segments.map(\.terms))
        let order = terms.order
        var ceilings = NotesCeilings()
        for builder in segments { ceilings.append(builder.notesCeilings) }
        let notes = NotesFrequencyWriter(ceilings: ceilings, normalisers: Ranking.lengthNormalisers(average: layout.averageMomentLength))
        // Grouped by term: by each segment's worker (`IndexBuilder.finish`), else here.
        let groupedMoments = Handoff<[PostingsLog.Groups]>([])
        var episodeGroups: [PostingsLog.Groups] = []
        Concurrently.run({
            groupedMoments.value = segments.map { $0.groupedMoments ?? $0.momentTerms.grouped(termCount: $0.terms.count) }
        }, alongside: {
            episodeGroups = segments.map { $0.groupedEpisodes ?? $0.episodeTerms.grouped(termCount: $0.terms.count) }
        })
        let lists = TermLists(terms: terms,
                              moments: Kind(log: segments[0].momentTerms, groups: groupedMoments.value, bases: layout.momentBases),
                              episodes: Kind(log: segments[0].episodeTerms, groups: episodeGroups, bases: layout.episodeBases), notes: notes)

        let total = (lists.moments.groups + lists.episodes.groups).reduce(0) { $0 + $1.entries.count }
        var split = 0, before = 0
        while split < order.count, before * 2 < total {
            before += lists.moments.count(order[split], terms) + lists.episodes.count(order[split], terms)
            split += 1
        }
        let secondTerms = order[split...]
        let secondHalf = Handoff<(PostingsSections, [TermPlace])?>(nil)
        var firstHalf: (PostingsSections, [TermPlace])?
        Concurrently.run({ secondHalf.value = lists.write(secondTerms) }, alongside: { firstHalf = lists.write(order[..<split]) })
        guard var (out, places) = firstHalf, let (second, secondPlaces) = secondHalf.value else { preconditionFailure("postings not written") }
        let base = (out.moments.count, out.episodes.count, out.positions.count)
        places += secondPlaces.map { place in
            TermPlace(moments: place.moments + base.0, episodes: place.episodes + base.1, positions: place.positions + base.2,
                      momentPositions: place.momentPositions)
        }
        out.moments.append(second.moments.bytes)
        out.episodes.append(second.episodes.bytes)
        out.positions.append(second.positions.bytes)

        out.termCount = order.count
        var previousTerm: [UInt8] = []
        var previousPlace = TermPlace(moments: 0, episodes: 0, positions: 0, momentPositions: 0)
        for (number, term) in order.enumerated() {
            if number % IndexFormat.termsPerBlock == 0 {
                out.termIndex.u32(UInt32(out.dictionary.count))
                previousTerm = []
                previousPlace = TermPlace(moments: 0, episodes: 0, positions: 0, momentPositions: 0)
            }
            terms.table.withBytes(term) { out.dictionary.prefixCompressed($0, after: &previousTerm) }
            let place = places[number]
            out.dictionary.varint(place.moments - previousPlace.moments)
            out.dictionary.varint(place.episodes - previousPlace.episodes)
            out.dictionary.varint(place.positions - previousPlace.positions)
            out.dictionary.varint(lists.moments.count(term, terms))
            out.dictionary.varint(lists.episodes.count(term, terms))
            out.dictionary.varint(place.momentPositions)
            previousPlace = place
        }
        return out
    }

    /// Where one term's lists start in the postings sections, and how many bytes of
    /// positions its moment postings have (the rest are its episode postings').
    struct TermPlace {
        var moments: Int
        var episodes: Int
        var positions: Int
        var momentPositions: Int
    }

    /// One kind of postings (moments or episodes) of every segment, grouped by term.
    struct Kind: Sendable {
        /// Any segment's log (for how its entries are written): they differ only in their entries.
        let log: PostingsLog
        let groups: [PostingsLog.Groups]
        /// Where each segment's documents start in the index.
        let bases: [Int]

        /// In how many documents of the whole index `term` occurs.
        func count(_ term: Int, _ terms: SegmentTerms) -> Int {
            var count = 0
            for segment in groups.indices {
                if let number = terms.number(term, in: segment) { count += groups[segment].count(number) }
            }
            return count
        }

        /// The term's entries in each segment where it occurs, into `scratch.runs`.
        func runs(_ term: Int, _ terms: SegmentTerms, into scratch: inout PostingsLog.Scratch) {
            scratch.runs.removeAll(keepingCapacity: true)
            for segment in groups.indices {
                guard let number = terms.number(term, in: segment) else { continue }
                let start = groups[segment].starts[number], end = groups[segment].starts[number + 1]
                if start < end {
                    scratch.runs.append(PostingsLog.Run(segment: segment, range: start..<end, documentBase: UInt32(bases[segment])))
                }
            }
        }
    }

    /// Writes the lists of runs of terms (one per thread).
    struct TermLists: Sendable {
        let terms: SegmentTerms
        let moments: Kind
        let episodes: Kind
        let notes: NotesFrequencyWriter

        /// The moment and episode postings (and positions) of `order`, one after the other,
        /// with each term's place in what is returned.
        func write(_ order: ArraySlice<Int>) -> (PostingsSections, [TermPlace]) {
            var out = PostingsSections()
            var places: [TermPlace] = []
            places.reserveCapacity(order.count)
            var scratch = PostingsLog.Scratch()
            for term in order {
                var place = TermPlace(moments: out.moments.count, episodes: out.episodes.count, positions: out.positions.count,
                                      momentPositions: 0)
                moments.runs(term, terms, into: &scratch)
                moments.log.write(moments.groups, notes: nil, postings: &out.moments, positions: &out.positions, scratch: &scratch)
                place.momentPositions = out.positions.count - place.positions
                episodes.runs(term, terms, into: &scratch)
                episodes.log.write(episodes.groups, notes: notes, postings: &out.episodes, positions: &out.positions, scratch: &scratch)
                places.append(place)
            }
            return (out, places)
        }
    }
}
