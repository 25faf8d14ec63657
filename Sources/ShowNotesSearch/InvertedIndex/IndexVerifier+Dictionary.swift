extension IndexVerifier {
    /// Where the next term's lists must start: postings are written term after term with no
    /// gap, so each list starts where the previous one ended.
    struct ListCursors {
        var momentPostings = 0
        var episodePostings = 0
        var positions = 0
    }

    /// Walks the dictionary term by term: blocks start where the term index says, prefix
    /// compression restarts in each block, terms are valid UTF-8 in strictly ascending byte
    /// order, each term's lists start where the previous term's ended and decode strictly,
    /// the counts agree, each notes frequency's level is the one the builder computes
    /// (`NotesCeilings`), the query path's lookup finds each block's first term, and every
    /// section is used to its last byte.
    static func checkDictionary(_ reader: IndexReader) throws(IndexCorruption) {
        // Levels are checked only where every moment layout reads (else `checkMoments` says why).
        let notes = try? notesFrequencyWriter(reader)
        var dictionary = reader.section(.terms)
        let dictionaryStart = dictionary.offset
        var termIndex = reader.section(.termIndex)
        var cursors = ListCursors()
        var term: [UInt8] = []
        var previous: [UInt8]? = nil
        var offsets = (0, 0, 0)
        for number in 0..<reader.termCount {
            let isBlockStart = number % IndexFormat.termsPerBlock == 0
            if isBlockStart {
                let pointed = Int(try termIndex.u32())
                guard pointed == dictionary.offset - dictionaryStart else {
                    throw IndexCorruption("term index entry \(number / IndexFormat.termsPerBlock) points to byte \(pointed), the block starts at \(dictionary.offset - dictionaryStart)")
                }
                term = []
                offsets = (0, 0, 0)
            }
            let shared = try dictionary.varint()
            let suffix = try dictionary.varint()
            guard shared <= term.count, !isBlockStart || shared == 0, suffix <= dictionary.end - dictionary.offset else {
                throw IndexCorruption("bad prefix compression at term \(number)")
            }
            term = Array(term[..<shared]) + Array(reader.bytes[dictionary.offset..<dictionary.offset + suffix])
            try dictionary.skip(suffix)
            guard let text = String(validating: term, as: UTF8.self) else { throw IndexCorruption("term \(number) is not UTF-8") }
            guard previous.map({ $0.lexicographicallyPrecedes(term) }) ?? true else {
                throw IndexCorruption("terms out of order at term \(number) ('\(text)')")
            }
            previous = term
            offsets.0 += try dictionary.varint()
            offsets.1 += try dictionary.varint()
            offsets.2 += try dictionary.varint()
            let momentCount = try dictionary.varint()
            let episodeCount = try dictionary.varint()
            let momentPositionBytes = try dictionary.varint()
            guard offsets.0 == cursors.momentPostings, offsets.1 == cursors.episodePostings, offsets.2 == cursors.positions else {
                throw IndexCorruption("the lists of term '\(text)' do not start where the previous term's end")
            }
            guard momentCount <= reader.momentCount, episodeCount <= reader.episodeCount, momentCount + episodeCount > 0 else {
                throw IndexCorruption("document counts of term '\(text)' out of range")
            }
            let moments = try walkPostings(reader, .momentPostings, offset: offsets.0, count: momentCount, fields: 1,
                                           limit: reader.momentCount, positions: offsets.2)
            guard moments.positionsEnd - offsets.2 == momentPositionBytes else {
                throw IndexCorruption("positions of term '\(text)' disagree with the dictionary")
            }
            let episodes = try walkPostings(reader, .episodePostings, offset: offsets.1, count: episodeCount,
                                            fields: IndexFormat.EpisodeField.allCases.count, limit: reader.episodeCount,
                                            positions: moments.positionsEnd, notes: notes)
            cursors = ListCursors(momentPostings: moments.end, episodePostings: episodes.end, positions: episodes.positionsEnd)
            // With the order and block checks above, finding each block's first term proves the search over blocks.
            if isBlockStart {
                guard let found = try reader.lookup(text), found.momentPostings == offsets.0, found.episodePostings == offsets.1 else {
                    throw IndexCorruption("term '\(text)' is not found by lookup")
                }
            }
        }
        guard termIndex.isAtEnd, dictionary.isAtEnd else { throw IndexCorruption("unexpected bytes after the last term") }
        for (section, used) in [(IndexFormat.Section.momentPostings, cursors.momentPostings),
                                (.episodePostings, cursors.episodePostings), (.positions, cursors.positions)] {
            guard used == reader.place(section).length else {
                throw IndexCorruption("section \(section) holds \(reader.place(section).length - used) bytes no term uses")
            }
        }
    }

    /// What the builder wrote each notes frequency with: every episode's takeaways and summary
    /// (their notes ranges and norm bytes) and the index's moment normalisers.
    static func notesFrequencyWriter(_ reader: IndexReader) throws(IndexCorruption) -> NotesFrequencyWriter {
        var ceilings = NotesCeilings()
        let norms = reader.section(.norms)
        for episode in 0..<reader.episodeCount {
            let first = try reader.firstMoment(ofEpisode: episode)
            for (offset, record) in try reader.momentRecords(ofEpisode: episode).enumerated()
            where record.kind == .takeaway || record.kind == .summary {
                guard norms.offset + first + offset < norms.end else { throw IndexCorruption("a moment without a norm") }
                ceilings.addMoment(first: record.first, end: record.end, norm: reader.bytes[norms.offset + first + offset])
            }
            ceilings.endEpisode()
        }
        return NotesFrequencyWriter(ceilings: ceilings, normalisers: Ranking.lengthNormalisers(average: reader.averageMomentLength))
    }
}
