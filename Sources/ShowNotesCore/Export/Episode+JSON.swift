extension Episode {
    /// The `parse --json` object: exactly the documented keys, sorted, lists never null.
    public var json: JSONValue {
        .sorted([
            ("audio", .optional(audio)),
            ("chapters", .array(chapters.map(\.json))),
            ("duration", .optional(duration)),
            ("guid", .optional(guid)),
            ("kind", .string(kind.rawValue)),
            ("link", .optional(link)),
            ("links", .array(links.map { .sorted([("text", .string($0.text)), ("url", .string($0.url))]) })),
            ("people", .array(people.map { .sorted([("name", .string($0.name)), ("role", .optional($0.role))]) })),
            ("podcast", .optional(podcast)),
            ("published", .optional(published)),
            ("sections", .array(sections.map { .sorted([("heading", .string($0.heading)), ("text", .string($0.text))]) })),
            ("source", .string(source)),
            ("summary", .string(summary)),
            ("takeaways", .array(takeaways.map { .string($0) })),
            ("title", .optional(title)),
        ])
    }
}

extension Chapter {
    /// `{"startTime": …, "title": …}` plus `img`, `toc` and `url` when the source gave them; keys sorted.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("startTime", .number(startTime)), ("title", .string(title))]
        if let img { pairs.append(("img", .string(img))) }
        if let url { pairs.append(("url", .string(url))) }
        if let toc { pairs.append(("toc", .bool(toc))) }
        return .sorted(pairs)
    }
}
