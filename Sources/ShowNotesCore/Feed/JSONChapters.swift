import FoundationEssentials

/// A Podcasting 2.0 JSON chapters file (`{"version":"1.2.0","chapters":[{"startTime":…}]}`),
/// read leniently: numbers may be written as strings, entries without a start are left out.
struct JSONChapters: Decodable {
    struct Entry: Decodable {
        var startTime: Double?
        var title: String?
        var img: String?
        var url: String?
        var toc: Bool?

        enum CodingKeys: String, CodingKey { case startTime, title, img, url, toc }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let number = try? container.decodeIfPresent(Double.self, forKey: .startTime) {
                startTime = number
            } else if let text = try? container.decodeIfPresent(String.self, forKey: .startTime) {
                startTime = Timestamp.npt(text)
            }
            title = try? container.decodeIfPresent(String.self, forKey: .title)
            img = try? container.decodeIfPresent(String.self, forKey: .img)
            url = try? container.decodeIfPresent(String.self, forKey: .url)
            toc = try? container.decodeIfPresent(Bool.self, forKey: .toc)
        }
    }

    var chapters: [Entry]

    /// The chapters of a JSON chapters document, sorted by start; `toc: false` kept and marked.
    static func chapters(from bytes: [UInt8]) -> [Chapter]? {
        guard let decoded = try? JSONDecoder().decode(JSONChapters.self, from: Data(bytes)) else { return nil }
        let chapters = decoded.chapters.compactMap { entry -> Chapter? in
            guard let start = entry.startTime, start.isFinite, start >= 0 else { return nil }
            return Chapter(startTime: start, title: entry.title?.trimmed ?? "", url: entry.url.nonEmpty, img: entry.img.nonEmpty,
                           toc: entry.toc == false ? false : nil)
        }
        return chapters.enumerated().sorted { ($0.element.startTime, $0.offset) < ($1.element.startTime, $1.offset) }.map(\.element)
    }
}
