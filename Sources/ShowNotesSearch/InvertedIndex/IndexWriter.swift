import CZlib

/// Writes the index file from the segments of a build: `IndexBuilder`s of consecutive runs of
/// the sources, in order, each filled on a thread of its own. Documents are numbered on from
/// segment to segment, terms afresh in byte order over all segments, and each term's list is
/// its segments' entries one after the other: the bytes are those of one builder given every
/// episode, so how the sources were shared among threads never shows in the index.
public enum IndexWriter {
    /// The index file of `segments` (in source order; at least one is written), with the
    /// facts of `metadata` in its meta section, reusing blocks `memory` compressed before.
    public static func serialize(_ segments: [IndexBuilder], metadata: [String: String],
                                 textBlocks memory: (any TextBlockMemory)?) -> [UInt8] {
        let parts = serializedParts(segments, metadata: metadata, textBlocks: memory)
        var file: [UInt8] = []
        file.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { file += part }
        return file
    }

    /// The same file as its header and sections, in file order, to be written one after the
    /// other (`IndexStore.write(parts:to:)`): at 100,000 episodes, joining them first cost a
    /// copy of 136 MB into fresh memory at the end of the build.
    public static func serializedParts(_ segments: [IndexBuilder], metadata: [String: String],
                                       textBlocks memory: (any TextBlockMemory)?) -> [[UInt8]] {
        let segments = segments.isEmpty ? [IndexBuilder()] : segments
        let layout = SegmentLayout(segments)
        let momentTexts = segments.map(\.momentTexts.bytes)
        let momentStore = Handoff<[UInt8]>([])
        var postings = PostingsSections()
        var episodeStore: [UInt8] = []
        Concurrently.run({ momentStore.value = TextStoreWriter.section(items: momentTexts, memory: memory) }, alongside: {
            postings = encodePostings(segments, layout)
            episodeStore = TextStoreWriter.section(items: segments.map(\.episodeTexts.bytes), memory: memory)
        })

        var meta = ByteWriter()
        meta.varint(layout.episodeCount)
        meta.varint(layout.momentCount)
        meta.varint(postings.termCount)
        meta.f64(layout.averageMomentLength)
        for total in layout.episodeLengthTotals {
            meta.f64(layout.episodeCount == 0 ? 1 : max(1, Double(total) / Double(layout.episodeCount)))
        }
        let keys = metadata.keys.sorted { $0.precedesInUTF8($1) }
        meta.varint(keys.count)
        for key in keys {
            meta.string(key)
            let value = Array((metadata[key] ?? "").utf8)
            let packed = TextStoreWriter.deflate(value)
            meta.varint(packed.count)
            meta.append(packed)
        }

        var episodes = ByteWriter()
        for (segment, builder) in segments.enumerated() {
            for record in builder.episodeRecords {
                record.write(to: &episodes, momentBase: UInt32(layout.momentBases[segment]), layoutBase: UInt32(layout.layoutBases[segment]))
            }
        }
        var vocabulary = segments.first?.vocabulary ?? VocabularyBuilder()
        for builder in segments.dropFirst() { vocabulary.add(builder.vocabulary) }

        var sections: [IndexFormat.Section: [UInt8]] = [:]
        sections[.meta] = meta.bytes
        sections[.termIndex] = postings.termIndex.bytes
        sections[.terms] = postings.dictionary.bytes
        sections[.momentPostings] = postings.moments.bytes
        sections[.episodePostings] = postings.episodes.bytes
        sections[.positions] = postings.positions.bytes
        sections[.norms] = segments.flatMap(\.momentNorms) + segments.flatMap(\.episodeNorms)
        sections[.moments] = segments.flatMap(\.momentTable)
        sections[.episodes] = episodes.bytes
        sections[.momentTexts] = momentStore.value
        sections[.episodeTexts] = episodeStore
        sections[.words] = vocabulary.serialize()

        var header = ByteWriter()
        header.append(IndexFormat.magic)
        header.u32(IndexFormat.version)
        header.u32(UInt32(IndexFormat.Section.allCases.count))
        var offset = IndexFormat.headerSize
        for section in IndexFormat.Section.allCases {
            let body = sections[section] ?? []
            header.u32(section.rawValue)
            header.u64(UInt64(offset))
            header.u64(UInt64(body.count))
            header.u32(checksum(body))
            offset += body.count
        }
        return [header.bytes] + IndexFormat.Section.allCases.map { sections[$0] ?? [] }
    }

    /// `CRC32.checksum`, computed by zlib (the same CRC-32, several times faster on whole sections).
    private static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(truncatingIfNeeded: crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }

    /// Where each segment's documents start in the whole index, and the index's totals.
    struct SegmentLayout {
        var episodeBases: [Int] = []
        var momentBases: [Int] = []
        /// Where each segment's moment layouts start in the `moments` section.
        var layoutBases: [Int] = []
        var episodeCount = 0
        var momentCount = 0
        var momentLengthTotal = 0
        var episodeLengthTotals = [Int](repeating: 0, count: IndexFormat.EpisodeField.allCases.count)

        init(_ segments: [IndexBuilder]) {
            var layoutBytes = 0
            for builder in segments {
                episodeBases.append(episodeCount)
                momentBases.append(momentCount)
                layoutBases.append(layoutBytes)
                episodeCount += builder.episodeCount
                momentCount += builder.momentCount
                layoutBytes += builder.momentTable.count
                momentLengthTotal += builder.momentLengthTotal
                for (field, total) in builder.episodeLengthTotals.enumerated() { episodeLengthTotals[field] += total }
            }
        }

        /// The average moment length a search reads from the meta section (at least 1).
        var averageMomentLength: Double {
            momentCount == 0 ? 1 : max(1, Double(momentLengthTotal) / Double(momentCount))
        }
    }

    /// The dictionary and postings sections.
    struct PostingsSections {
        var termCount = 0
        var termIndex = ByteWriter()
        var dictionary = ByteWriter()
        var moments = ByteWriter()
        var episodes = ByteWriter()
        var positions = ByteWriter()
    }
}
