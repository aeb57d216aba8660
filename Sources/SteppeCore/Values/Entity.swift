/// Something the facts are about: a country, a person, an event, a currency.
public final class Entity: Sendable {
    public let id: String
    public let name: String
    public let kind: String
    public let aliases: [String]
    public init(id: String, name: String, kind: String, aliases: [String]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
    }
}

/// Where facts come from: the article, or a reference document.
public final class SourceInfo: Sendable {
    public let id: String
    public let title: String
    public let author: String?
    public let publisher: String?
    public let year: Int?
    public let address: String?
    public let kind: String
    /// How a worked-out figure was worked out, or what part of the document.
    public let note: String?
    public init(id: String, title: String, author: String?, publisher: String?, year: Int?,
                address: String?, kind: String, note: String?) {
        self.id = id
        self.title = title
        self.author = author
        self.publisher = publisher
        self.year = year
        self.address = address
        self.kind = kind
        self.note = note
    }

    public var isArticle: Bool { kind == "article" }

    /// A short attribution for lineage and tables: `BP, Statistical Review of World Energy 2021`.
    public var citation: String {
        if let publisher { return "\(publisher), \(title)" }
        return title
    }
}
